package dev.atomic.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AtomicEnvironmentTest {

  @Test
  void keepsAJdbcUrlAsItIs() {
    assertThat(AtomicEnvironment.datasource("jdbc:postgresql://db:5432/atomic"))
        .containsExactly(
            java.util.Map.entry("spring.datasource.url", "jdbc:postgresql://db:5432/atomic"));
  }

  @Test
  void turnsAPostgresUrlIntoJdbcWithCredentials() {
    assertThat(
            AtomicEnvironment.datasource(
                "postgres://atomic:s3cret@db.internal:5433/atomic?sslmode=require"))
        .containsEntry(
            "spring.datasource.url", "jdbc:postgresql://db.internal:5433/atomic?sslmode=require")
        .containsEntry("spring.datasource.username", "atomic")
        .containsEntry("spring.datasource.password", "s3cret");
  }

  @Test
  void refusesAnUnknownScheme() {
    assertThatThrownBy(() -> AtomicEnvironment.datasource("mysql://root@db/atomic"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATABASE_URL must be");
  }
}
