package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.audit.Deadline;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run that reaches its deadline between any two steps of the deadline day (before the first
 * deactivation, between them, before each notice, before the summary) stops cleanly, gives its
 * lease back, and the next run ends the life as a life without a deadline.
 */
@WithEmulator
class DeadlineIT {
  private static final Map<String, String> OWNERS =
      Map.of(
          "svc-payments", "payments-team@example.com",
          "svc-billing", "billing-team@example.com");
  private static final int[] DAYS = {16, 23, 29, 30, 31};
  private static final int DEADLINE_DAY = 30;
  private static final Duration MARGIN = Duration.ofSeconds(60);

  /**
   * The deadline day's first run has time for {@code checks} of its questions to the deadline and
   * is out of time from then on: 0 stops before both deactivations, 1 between them, 2 after both
   * (before finishing earlier runs' actions), 3 and 4 before each owner's notice, 5 before the
   * summary. The stopped run's lease was given back: the next run was not told the account was
   * busy.
   */
  @ParameterizedTest(name = "time for {0} step(s)")
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | INCOMPLETE deactivated=0 notices=0 | COMPLETED deactivated=2 notices=2",
        "1 | INCOMPLETE deactivated=1 notices=0 | COMPLETED deactivated=1 notices=2",
        "2 | INCOMPLETE deactivated=2 notices=0 | COMPLETED deactivated=0 notices=2",
        "3 | INCOMPLETE deactivated=2 notices=0 | COMPLETED deactivated=0 notices=2",
        "4 | INCOMPLETE deactivated=2 notices=1 | COMPLETED deactivated=0 notices=1",
        "5 | INCOMPLETE deactivated=2 notices=2 | COMPLETED deactivated=0 notices=0"
      })
  void run_whenItReachesItsDeadlineBetweenSteps_stopsAndTheNextRunEndsAsACleanLife(
      int checks, String stoppedRun, String nextRun, AwsEndpoint endpoint) throws Exception {
    KeyLife.Outcome reference = KeyLife.clean(endpoint, OWNERS, DAYS);

    KeyLife.Lived stopped;
    try (KeyLife life = new KeyLife(endpoint, endpoint.endpoint(), OWNERS)) {
      stopped =
          life.live(
              (clients, settings, clock, day, attempt) ->
                  AccountRuns.create(clients, settings, clock),
              (day, attempt) ->
                  day == DEADLINE_DAY && attempt == 0 ? outOfTimeAfter(checks) : Deadline.none(),
              DAYS);
    }

    assertThat(stopped.attempts())
        .filteredOn(a -> a.startsWith("day " + DEADLINE_DAY + " "))
        .containsExactly("day 30 run 0 " + stoppedRun, "day 30 run 1 " + nextRun);
    assertThat(stopped.failedRuns()).isZero();
    assertThat(stopped.outcome()).usingRecursiveComparison().isEqualTo(reference);
  }

  /** Plenty of time for the first {@code checks} questions, then less than the margin. */
  private static Deadline outOfTimeAfter(int checks) {
    AtomicInteger asked = new AtomicInteger();
    return Deadline.of(
        () -> asked.getAndIncrement() < checks ? Duration.ofMinutes(10).toMillis() : 1_000, MARGIN);
  }
}
