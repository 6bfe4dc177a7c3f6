package dev.atomic.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.platform.Database;
import dev.atomic.testing.MovableClock;
import dev.atomic.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Decision tokens on PostgreSQL, the production database (H2 runs them in the workflow tests). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionTokensTest {

  private final TestDatabase testDatabase = TestDatabase.postgres();
  private final MovableClock clock = new MovableClock("2026-12-01T10:00:00Z");
  private final DecisionTokens tokens =
      new DecisionTokens(new Database(testDatabase.dataSource()), clock);

  @AfterAll
  void dropDatabase() throws Exception {
    testDatabase.close();
  }

  @Test
  void aTokenNamesItsHolderOnceAndTheSameRedemptionAgainGetsTheSameAnswer() throws SQLException {
    String token = tokens.issue("M-1", "plan", "approved", "bob", Duration.ofMinutes(5)).token();

    assertThat(tokens.redeem(token, "M-1", "plan", "approved", "r-1"))
        .isEqualTo(new DecisionTokens.Redemption("bob", null));
    assertThat(tokens.redeem(token, "M-1", "plan", "approved", "r-1"))
        .isEqualTo(new DecisionTokens.Redemption("bob", null));
    assertThat(tokens.redeem(token, "M-1", "plan", "approved", "r-2").refusal())
        .isEqualTo("the decision token was used already");
  }

  @Test
  void aTokenForAnotherDecisionAnExpiredOneAndAnUnknownOneAreRefused() throws SQLException {
    String token = tokens.issue("M-2", "plan", "approved", "bob", Duration.ofMinutes(5)).token();

    assertThat(tokens.redeem(token, "M-2", "plan", "rejected", "r-3").refusal())
        .isEqualTo("the decision token is for approved of plan on M-2");
    assertThat(tokens.redeem(token, "M-3", "plan", "approved", "r-3").refusal()).contains("on M-2");
    clock.advance(Duration.ofMinutes(6));
    assertThat(tokens.redeem(token, "M-2", "plan", "approved", "r-3").refusal())
        .isEqualTo("the decision token expired");
    assertThat(tokens.redeem("adt_nope", "M-2", "plan", "approved", "r-3").refusal())
        .isEqualTo("unknown decision token");
    assertThat(tokens.redeem(null, "M-2", "plan", "approved", "r-3").refusal())
        .contains("no decision token");
    assertThat(tokens.redeem("atk_key", "M-2", "plan", "approved", "r-3").refusal())
        .isEqualTo("not a decision token");
  }
}
