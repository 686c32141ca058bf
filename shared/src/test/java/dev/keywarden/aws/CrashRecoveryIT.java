package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.audit.AccountRun;
import dev.keywarden.audit.AccountStateStore;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.faults.CrashingPort;
import dev.keywarden.faults.CrashingPort.At;
import dev.keywarden.notify.NoticePublisher;
import dev.keywarden.remediate.AccessKeys;
import dev.keywarden.testsupport.WithEmulator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run killed at each step of the deadline day (after the intent, around UpdateAccessKey, after
 * the findings, around the notice) and started again ends as a run that was never killed.
 */
@WithEmulator
class CrashRecoveryIT {
  private static final Map<String, String> OWNERS =
      Map.of("svc-payments", "payments-team@example.com");
  private static final int[] DAYS = {16, 23, 29, 30, 31};
  private static final int DEADLINE = 30;

  @ParameterizedTest(name = "{0}.{1} call {2} {3}")
  @CsvSource({
    "store, appendAction, 1, AFTER",
    "keys, deactivate, 1, BEFORE",
    "keys, deactivate, 1, AFTER",
    "store, appendAction, 2, AFTER",
    "store, writeFindings, 1, AFTER",
    "store, claimNotice, 1, AFTER",
    "publisher, publish, 1, BEFORE",
    "store, completeNotice, 1, AFTER",
    "store, putSummary, 1, BEFORE"
  })
  void run_whenKilledAtAStepAndStartedAgain_endsAsACleanRun(
      String port, String method, int nth, At at, AwsEndpoint endpoint) throws Exception {
    KeyLife.Outcome reference = KeyLife.clean(endpoint, OWNERS, DAYS);

    KeyLife.Lived crashed = crashedLife(endpoint, port, method, nth, at);

    assertThat(crashed.failedRuns()).as("the run was killed").isEqualTo(1);
    assertThat(crashed.outcome())
        .usingRecursiveComparison()
        .ignoringFields("actionLog")
        .isEqualTo(reference);
    assertThat(withoutOutcomes(crashed.outcome().actionLog()))
        .isEqualTo(withoutOutcomes(reference.actionLog()));
    assertThat(crashed.outcome().actionLog())
        .filteredOn(e -> e.contains("RESULT"))
        .allMatch(e -> e.endsWith(" deactivated") || e.endsWith(" already-inactive"));
  }

  /**
   * SNS took the notice but the run died before recording it: the owner may hear twice, never zero
   * times.
   */
  @ParameterizedTest(name = "{0}.{1} call {2} {3}")
  @CsvSource({"publisher, publish, 1, AFTER", "store, completeNotice, 1, BEFORE"})
  void run_whenKilledRightAfterPublishing_deliversTheNoticeAtLeastOnceAndAtMostTwice(
      String port, String method, int nth, At at, AwsEndpoint endpoint) throws Exception {
    KeyLife.Outcome reference = KeyLife.clean(endpoint, OWNERS, DAYS);

    KeyLife.Lived crashed = crashedLife(endpoint, port, method, nth, at);

    assertThat(crashed.outcome().findings()).isEqualTo(reference.findings());
    assertThat(crashed.outcome().actionLog()).isEqualTo(reference.actionLog());
    assertThat(crashed.outcome().keys()).isEqualTo(reference.keys());
    crashed
        .outcome()
        .noticesByOwner()
        .forEach(
            (owner, received) -> {
              assertThat(new TreeSet<>(received))
                  .isEqualTo(new TreeSet<>(reference.noticesByOwner().get(owner)));
              assertThat(received)
                  .hasSizeLessThanOrEqualTo(reference.noticesByOwner().get(owner).size() + 1);
            });
  }

  /**
   * A RESULT entry's outcome says what the confirming run saw: "deactivated" or, after a crash,
   * "already-inactive".
   */
  private static List<String> withoutOutcomes(List<String> log) {
    return log.stream().map(e -> e.replaceAll(" (deactivated|already-inactive)$", "")).toList();
  }

  private KeyLife.Lived crashedLife(
      AwsEndpoint endpoint, String port, String method, int nth, At at) throws Exception {
    try (KeyLife life = new KeyLife(endpoint, endpoint.endpoint(), OWNERS)) {
      return life.live(
          (clients, settings, clock, day, attempt) -> {
            if (day != DEADLINE || attempt > 0) {
              return AccountRuns.create(clients, settings, clock);
            }
            CrashingPort.SimulatedProcess process = new CrashingPort.SimulatedProcess();
            AccountStateStore store = AccountRuns.store(clients, settings);
            AccessKeys keys = AccessKeyGateway.create(clients);
            NoticePublisher publisher =
                SnsNotifier.create(
                    clients.sns(), life.topicArn(), Optional.of(life.securityTopicArn()));
            return AccountRun.builder()
                .settings(settings)
                .clock(clock)
                .store(
                    port.equals("store")
                        ? CrashingPort.crashing(
                            AccountStateStore.class, store, process, method, nth, at)
                        : CrashingPort.dyingWith(AccountStateStore.class, store, process))
                .keys(
                    port.equals("keys")
                        ? CrashingPort.crashing(AccessKeys.class, keys, process, method, nth, at)
                        : CrashingPort.dyingWith(AccessKeys.class, keys, process))
                .publisher(
                    port.equals("publisher")
                        ? CrashingPort.crashing(
                            NoticePublisher.class, publisher, process, method, nth, at)
                        : CrashingPort.dyingWith(NoticePublisher.class, publisher, process))
                .build();
          },
          DAYS);
    }
  }
}
