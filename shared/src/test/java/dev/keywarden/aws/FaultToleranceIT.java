package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.faults.FaultProxy;
import dev.keywarden.faults.FaultProxy.Rule;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Two keys' whole lives (notices at 14, 7 and 1 days, deactivation on the deadline) lived once
 * against a well-behaved emulator and once through a {@link FaultProxy} that throttles and fails
 * calls: the faulty life must end as the clean one, with nothing lost and nothing done twice.
 */
@WithEmulator
class FaultToleranceIT {
  private static final Map<String, String> OWNERS =
      Map.of(
          "svc-payments", "payments-team@example.com",
          "svc-ledger", "ledger-team@example.com");
  private static final int[] DAYS = {10, 16, 16, 23, 29, 30, 31};
  private static final Set<String> MUTATIONS =
      Set.of(
          "iam:UpdateAccessKey",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:TransactWriteItems",
          "dynamodb:BatchWriteItem",
          "sns:Publish");

  @Test
  void life_whenAFifthOfCallsAreThrottledAndSomeFail_endsExactlyAsACleanLife(AwsEndpoint endpoint)
      throws Exception {
    KeyLife.Outcome clean = KeyLife.clean(endpoint, OWNERS, DAYS);

    try (FaultProxy proxy =
        FaultProxy.start(
            endpoint.endpoint(),
            20261124L,
            Duration.ofMillis(20),
            Rule.failingBeforeForwarding())) {
      KeyLife.Outcome faulty = faultyLife(endpoint, proxy).outcome();

      assertThat(proxy.injectedTotal())
          .as("faults injected %s", proxy.injected())
          .isGreaterThan(50);
      assertThat(faulty).isEqualTo(clean);
      assertThat(proxy.forwarded().get("iam:UpdateAccessKey"))
          .as("one deactivation call per key reached IAM")
          .isEqualTo(OWNERS.size());
    }
  }

  /**
   * Answers lost after the emulator applied a write: the SDK retries, so an UpdateAccessKey may
   * reach IAM again (it is idempotent) and a Publish may be delivered twice (SNS cannot tell);
   * nothing may be lost, and the action log holds one deactivation per key.
   */
  @Test
  void life_whenWritesFailAfterTheEmulatorAppliedThem_losesNothingAndLogsOneDeactivationPerKey(
      AwsEndpoint endpoint) throws Exception {
    KeyLife.Outcome clean = KeyLife.clean(endpoint, OWNERS, DAYS);

    try (FaultProxy proxy =
        FaultProxy.start(
            endpoint.endpoint(),
            7L,
            Duration.ofMillis(20),
            Rule.writesLostAfterForwarding(MUTATIONS))) {
      KeyLife.Outcome faulty = faultyLife(endpoint, proxy).outcome();

      assertThat(proxy.injected().keySet())
          .as("faults injected %s", proxy.injected())
          .anyMatch(k -> k.endsWith("AFTER_FORWARDING"));
      assertThat(faulty.findings()).isEqualTo(clean.findings());
      assertThat(faulty.actionLog()).isEqualTo(clean.actionLog());
      assertThat(faulty.keys()).isEqualTo(clean.keys());
      faulty
          .noticesByOwner()
          .forEach(
              (owner, received) ->
                  assertThat(new TreeSet<>(received))
                      .as("every notice reached %s on its day", owner)
                      .isEqualTo(new TreeSet<>(clean.noticesByOwner().get(owner))));
    }
  }

  private KeyLife.Lived faultyLife(AwsEndpoint endpoint, FaultProxy proxy) throws Exception {
    proxy.enabled(false);
    try (KeyLife life = new KeyLife(endpoint, proxy.endpoint(), OWNERS)) {
      proxy.resetCounters();
      proxy.enabled(true);
      KeyLife.Lived lived = life.live(DAYS);
      long afterForwarding =
          proxy.injected().entrySet().stream()
              .filter(e -> e.getKey().endsWith("AFTER_FORWARDING"))
              .mapToLong(Map.Entry::getValue)
              .sum();
      System.out.printf(
          "FaultToleranceIT: %d runs (%d failed and were rerun), %d faults injected (%d after forwarding), "
              + "%s UpdateAccessKey reached IAM; %s%n",
          lived.runs(),
          lived.failedRuns(),
          proxy.injectedTotal(),
          afterForwarding,
          proxy.forwarded().get("iam:UpdateAccessKey"),
          lived.attempts());
      return lived;
    } finally {
      proxy.enabled(false);
    }
  }
}
