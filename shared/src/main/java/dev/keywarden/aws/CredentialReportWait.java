package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * The bounded wait for IAM's credential report: ask for generation until IAM says COMPLETE, then
 * download, starting over if the download says the report is not ready, expired or missing.
 *
 * <p>The time waited is the sum of the pauses, with pauses of 0.25, 0.5, 1, 2, 4 and 8 seconds and
 * then 10; the last pause is shortened to end exactly at the bound, and one last poll follows it.
 * The first pause is short because IAM answers the first request of a report STARTED even when it
 * then takes well under a second to finish it (an account with few users, the emulator): a
 * one-second first pause was most of such an audit's time.
 */
final class CredentialReportWait {
  static final Duration FIRST_PAUSE = Duration.ofMillis(250);
  static final Duration MAX_PAUSE = Duration.ofSeconds(10);

  private final Duration maxWait;
  private final Sleeper sleeper;

  CredentialReportWait(Duration maxWait, Sleeper sleeper) {
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /**
   * Polls until the report can be downloaded.
   *
   * @param generate calls {@code GenerateCredentialReport} and returns the state IAM reports
   * @param download calls {@code GetCredentialReport}; empty when IAM says the report is not ready,
   *     expired or not present
   * @param what names the report in the timeout message
   * @throws KeywardenException when the bound passes before a report could be downloaded
   */
  <T> T await(Supplier<ReportStateType> generate, Supplier<Optional<T>> download, String what) {
    Duration waited = Duration.ZERO;
    Duration pause = FIRST_PAUSE;
    while (true) {
      if (generate.get() == ReportStateType.COMPLETE) {
        Optional<T> report = download.get();
        if (report.isPresent()) {
          return report.get();
        }
      }
      Duration left = maxWait.minus(waited);
      if (left.isNegative() || left.isZero()) {
        throw new KeywardenException(
            "waited "
                + seconds(waited)
                + " for the "
                + what
                + " and IAM is still generating it: run again later, "
                + "or allow a longer credential report wait (now "
                + seconds(maxWait)
                + ")");
      }
      Duration sleep = pause.compareTo(left) < 0 ? pause : left;
      sleeper.sleep(sleep);
      waited = waited.plus(sleep);
      pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) < 0 ? pause.multipliedBy(2) : MAX_PAUSE;
    }
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }
}
