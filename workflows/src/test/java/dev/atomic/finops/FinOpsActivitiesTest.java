package dev.atomic.finops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.dte.DemoRepo;
import dev.atomic.dte.WorkingDirectories;
import dev.atomic.dte.git.Repositories;
import dev.atomic.testing.TestDatabase;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FinOpsActivities as a workflow calls them: through Temporal's data converter and failures. */
class FinOpsActivitiesTest {

  @TempDir Path root;
  private TestDatabase database;
  private TestActivityEnvironment env;
  private FinOpsActivities activities;
  private FinOps finOps;

  @BeforeEach
  void start() {
    database = TestDatabase.h2();
    finOps =
        FinOps.create(
            FinOpsSettings.defaults(),
            database.dataSource(),
            AlertSink.NONE,
            Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new FinOpsActivitiesImpl(
            finOps,
            new WorkingDirectories(List.of(root.toString())),
            new Repositories(root.resolve(".repos"))));
    activities =
        env.newActivityStub(
            FinOpsActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
  }

  @AfterEach
  void stop() throws Exception {
    env.close();
    database.close();
  }

  @Test
  void aMissionForecastsReservesAndCommitsItsSpend() {
    DemoRepo.copyTo(root);
    finOps.budgets().define(BudgetScope.mission("M-ACT1"), new BigDecimal("1"), null);

    Forecast forecast =
        activities.forecast(
            new ForecastRequest(DemoRepo.cs001(), null, null, null, ".", null, null));
    Reservation held =
        activities.reserve(
            new ReservationRequest(
                "res-M-ACT1-execute", forecast.usdEstimate(), List.of(), "M-ACT1", null));
    Reservation again =
        activities.reserve(
            new ReservationRequest(
                "res-M-ACT1-execute", forecast.usdEstimate(), List.of(), "M-ACT1", null));
    Reservation committed =
        activities.commit(new CommitRequest(held.id(), new BigDecimal("0.004")));

    assertThat(forecast.basis()).isEqualTo("tree");
    assertThat(forecast.files()).isEqualTo(8);
    assertThat(held.budgets())
        .extracting(Reservation.Hold::scope)
        .containsExactly("global", "mission:M-ACT1");
    assertThat(again).isEqualTo(held);
    assertThat(committed.status()).isEqualTo("committed");
    assertThat(finOps.budgets().get(BudgetScope.mission("M-ACT1")).consumed())
        .isEqualByComparingTo("0.004");
  }

  @Test
  void aReservationThatDoesNotFitIsANonRetryableRefusalWithTheShortfall() {
    finOps.budgets().define(BudgetScope.team("tight"), new BigDecimal("1"), null);

    assertThatThrownBy(
            () ->
                activities.reserve(
                    new ReservationRequest(
                        null, new BigDecimal("1.5"), List.of("team:tight"), null, null)))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(FinOpsActivitiesImpl.BUDGET_EXCEEDED);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getDetails().get(0, String.class)).isEqualTo("team:tight");
              assertThat(failure.getDetails().get(1, String.class)).isEqualTo("1");
              assertThat(failure.getDetails().get(2, String.class)).isEqualTo("0.5");
            });
  }

  @Test
  void aReleasedReservationCannotBeCommitted() {
    Reservation held =
        activities.reserve(
            new ReservationRequest("res-rel", BigDecimal.ONE, List.of(), null, null));
    activities.release(held.id());

    assertThatThrownBy(() -> activities.commit(new CommitRequest(held.id(), BigDecimal.ONE)))
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(FinOpsActivitiesImpl.CONFLICT);
              assertThat(failure.isNonRetryable()).isTrue();
            });
  }
}
