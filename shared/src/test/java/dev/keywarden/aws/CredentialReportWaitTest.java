package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.KeywardenException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ReportStateType;

class CredentialReportWaitTest {
  private final List<Duration> pauses = new ArrayList<>();
  private final CredentialReportWait wait =
      new CredentialReportWait(Duration.ofSeconds(30), pauses::add);

  private static Supplier<ReportStateType> states(ReportStateType... states) {
    Deque<ReportStateType> queue = new ArrayDeque<>(List.of(states));
    return () -> queue.size() > 1 ? queue.poll() : queue.peek();
  }

  @Test
  void await_whenStartedThenInProgressThenComplete_downloadsAfterBackingOff() {
    String report =
        wait.await(
            states(ReportStateType.STARTED, ReportStateType.INPROGRESS, ReportStateType.COMPLETE),
            () -> Optional.of("csv"),
            "credential report of account 111122223333");

    assertThat(report).isEqualTo("csv");
    assertThat(pauses).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void await_whenCompleteAtOnce_neverSleeps() {
    wait.await(states(ReportStateType.COMPLETE), () -> Optional.of("csv"), "report");

    assertThat(pauses).isEmpty();
  }

  @Test
  void await_whenNeverComplete_throwsAfterWaitingTheBound() {
    assertThatThrownBy(
            () ->
                wait.await(
                    states(ReportStateType.INPROGRESS),
                    () -> Optional.of("csv"),
                    "credential report of account 111122223333"))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("waited 30 s for the credential report of account 111122223333")
        .hasMessageContaining("still generating");
  }

  @Test
  void await_whenNeverComplete_pausesDoubleFromAQuarterSecondUpToTenSecondsAndEndAtTheBound() {
    try {
      wait.await(states(ReportStateType.STARTED), () -> Optional.of("csv"), "report");
    } catch (KeywardenException expected) {
      // the pauses are what this test looks at
    }

    assertThat(pauses)
        .containsExactly(
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(10),
            Duration.ofMillis(4250));
  }

  @Test
  void await_whenDownloadSaysNotReady_regeneratesAndRetries() {
    Deque<Optional<String>> downloads =
        new ArrayDeque<>(List.of(Optional.empty(), Optional.of("fresh")));
    List<String> calls = new ArrayList<>();

    String report =
        wait.await(
            () -> {
              calls.add("generate");
              return ReportStateType.COMPLETE;
            },
            () -> {
              calls.add("download");
              return downloads.poll();
            },
            "report");

    assertThat(report).isEqualTo("fresh");
    assertThat(calls).containsExactly("generate", "download", "generate", "download");
  }

  @Test
  void await_whenDownloadNeverSucceeds_timesOutWithinTheSameBound() {
    assertThatThrownBy(
            () -> wait.await(states(ReportStateType.COMPLETE), Optional::empty, "report"))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("waited 30 s");
  }

  @Test
  void await_whenStateUnknownToSdk_keepsPolling() {
    String report =
        wait.await(
            states(ReportStateType.UNKNOWN_TO_SDK_VERSION, ReportStateType.COMPLETE),
            () -> Optional.of("csv"),
            "report");

    assertThat(report).isEqualTo("csv");
  }
}
