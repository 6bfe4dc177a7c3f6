package dev.atomic.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.platform.Database;
import dev.atomic.testing.MovableClock;
import dev.atomic.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the API key store promises, run against each database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiKeysContract {

  private final TestDatabase testDatabase;
  private final MovableClock clock = new MovableClock("2026-12-01T10:00:00Z");
  private final ApiKeys keys;

  ApiKeysContract(TestDatabase testDatabase) {
    this.testDatabase = testDatabase;
    keys = new ApiKeys(new Database(testDatabase.dataSource()), clock);
  }

  @AfterAll
  void dropDatabase() throws Exception {
    testDatabase.close();
  }

  @Test
  void aCreatedKeyAuthenticatesAsItsNameWithItsRolesAndIsStoredOnlyAsADigest() throws SQLException {
    ApiKeys.Created created =
        keys.create("ci-bot", Set.of(Role.REQUESTER, Role.AUDITOR), null, "alice");

    assertThat(created.secret()).matches("atk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}");
    assertThat(keys.check(created.secret()))
        .isInstanceOfSatisfying(
            ApiKeys.Valid.class,
            valid -> {
              assertThat(valid.key().name()).isEqualTo("ci-bot");
              assertThat(valid.key().roles())
                  .containsExactlyInAnyOrder(Role.REQUESTER, Role.AUDITOR);
              assertThat(valid.key().createdBy()).isEqualTo("alice");
            });
    String stored =
        new Database(testDatabase.dataSource())
            .read(
                connection -> {
                  try (var select =
                      connection.prepareStatement("SELECT key_sha256 FROM api_keys WHERE id = ?")) {
                    select.setString(1, created.key().id());
                    try (var rows = select.executeQuery()) {
                      rows.next();
                      return rows.getString(1);
                    }
                  }
                });
    assertThat(stored).hasSize(64).doesNotContain(created.secret().substring(17));
    assertThat(keys.list()).extracting(ApiKey::id).contains(created.key().id());
  }

  @Test
  void aWrongSecretARevokedKeyAndAnExpiredKeyAreRefusedWithTheReason() throws SQLException {
    ApiKeys.Created revoked = keys.create("old", Set.of(Role.APPROVER), null, "alice");
    ApiKeys.Created expiring =
        keys.create("temp", Set.of(Role.APPROVER), Duration.ofHours(1), "alice");
    String forged = revoked.secret().substring(0, revoked.secret().length() - 4) + "AAAA";

    assertThat(keys.revoke(revoked.key().id()))
        .get()
        .satisfies(k -> assertThat(k.revokedAt()).isNotNull());
    clock.advance(Duration.ofHours(2));

    assertThat(keys.check(forged)).isEqualTo(new ApiKeys.Refused("unknown API key"));
    assertThat(keys.check(revoked.secret()))
        .isInstanceOfSatisfying(
            ApiKeys.Refused.class, r -> assertThat(r.reason()).contains("was revoked at"));
    assertThat(keys.check(expiring.secret()))
        .isInstanceOfSatisfying(
            ApiKeys.Refused.class, r -> assertThat(r.reason()).contains("expired at"));
    assertThat(keys.check("Bearer something")).isInstanceOf(ApiKeys.Refused.class);
    assertThat(keys.revoke("nosuchkey000")).isEmpty();
  }

  @Test
  void badNamesAndEmptyRolesAreRefused() {
    assertThatThrownBy(() -> keys.create("", Set.of(Role.ADMIN), null, "alice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'name'");
    assertThatThrownBy(() -> keys.create("x\ud800", Set.of(Role.ADMIN), null, "alice"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> keys.create("ok", Set.of(), null, "alice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'roles'");
    assertThatThrownBy(() -> Role.parseList("requester,root"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[requester, approver, auditor, operator, admin]");
  }

  @Test
  void anAdminHoldsEveryRole() {
    assertThat(Role.effective(Set.of(Role.ADMIN))).containsExactlyInAnyOrder(Role.values());
    assertThat(Role.effective(Set.of(Role.AUDITOR))).containsExactly(Role.AUDITOR);
  }
}
