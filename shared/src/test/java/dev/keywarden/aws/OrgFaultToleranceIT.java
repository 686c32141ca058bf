package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import dev.keywarden.faults.FaultProxy;
import dev.keywarden.faults.FaultProxy.Rule;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * An Organization-wide audit (Organizations, STS into each member, SQS between the dispatcher and
 * the auditor, IAM, DynamoDB, SNS) lived once against a well-behaved emulator and again through a
 * {@link FaultProxy} on every call: the faulty audit must end as the clean one, with nothing lost
 * and nothing done twice that AWS itself cannot tell apart.
 */
@WithEmulator
class OrgFaultToleranceIT {
  private static final int MEMBERS = 3;

  /** With the emulator's 100 accounts a page, 204 listed accounts take three ListAccounts pages. */
  private static final int CLOSED_ACCOUNTS = 200;

  /** Day 20: notices at 14, 7 and 1 days, one key past its deadline; day 26: two more deadlines. */
  private static final int[] DAYS = {20, 26};

  private static final List<OrgLife.Key> KEYS =
      List.of(
          new OrgLife.Key(0, "svc-orders", "orders-team@example.com", 30),
          new OrgLife.Key(1, "svc-billing", "billing-team@example.com", 22),
          new OrgLife.Key(2, "svc-legacy", "legacy-team@example.com", 15),
          new OrgLife.Key(2, "svc-reports", "orders-team@example.com", 21));

  /** Keys past their deadline by the last day: one deactivation each. */
  private static final long EXPIRED_KEYS = 3;

  private static final List<String> PIPELINE_OPERATIONS =
      List.of(
          "organizations:ListAccounts",
          "sts:AssumeRole",
          "sqs:SendMessageBatch",
          "sqs:ReceiveMessage",
          "sqs:DeleteMessage",
          "iam:GetCredentialReport",
          "iam:UpdateAccessKey",
          "dynamodb:TransactWriteItems",
          "dynamodb:Query",
          "sns:Publish");
  private static final Set<String> WRITES =
      Set.of(
          "iam:UpdateAccessKey",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:TransactWriteItems",
          "sns:Publish",
          "sqs:SendMessageBatch",
          "sqs:ReceiveMessage",
          "sqs:DeleteMessage",
          "sts:AssumeRole");

  /** One clean audit serves both tests; computed by whichever comes first. */
  private static OrgLife.Lived clean;

  private static long cleanCalls;

  @Test
  void orgAudit_whenAFifthOfEveryCallIsThrottledAndSomeFail_endsExactlyAsACleanAudit(
      AwsEndpoint endpoint) throws Exception {
    OrgLife.Lived reference = clean(endpoint);

    try (FaultProxy proxy =
        FaultProxy.start(
            endpoint.endpoint(), 2L, Duration.ofMillis(20), Rule.failingBeforeForwarding())) {
      OrgLife.Lived faulty = faultyLife(endpoint, proxy, "before forwarding");

      assertThat(proxy.forwarded())
          .as("every step of the pipeline went through the proxy")
          .containsKeys(PIPELINE_OPERATIONS.toArray(String[]::new));
      assertThat(proxy.injectedTotal())
          .as("faults injected %s", proxy.injected())
          .isGreaterThan(30);
      assertThat(faulty.outcome()).isEqualTo(reference.outcome());
      assertThat(proxy.forwarded().get("iam:UpdateAccessKey"))
          .as("one deactivation call per expired key reached IAM")
          .isEqualTo(EXPIRED_KEYS);
    }
  }

  /**
   * Answers lost after the emulator applied a write: a request sent twice is audited twice, a
   * finding write retried after it was applied stops its audit (the request returns to the queue
   * and the retry finishes it), and a Publish retried after its answer was lost reaches its owner
   * again (SNS cannot tell); nothing is lost, no notice is sent again for any other reason, and the
   * action log holds one deactivation per key.
   */
  @Test
  void orgAudit_whenWritesFailAfterTheEmulatorAppliedThem_losesNothingAndLogsOneDeactivationPerKey(
      AwsEndpoint endpoint) throws Exception {
    OrgLife.Lived reference = clean(endpoint);

    try (FaultProxy proxy =
        FaultProxy.start(
            endpoint.endpoint(),
            11L,
            Duration.ofMillis(20),
            Rule.writesLostAfterForwarding(WRITES))) {
      OrgLife.Lived faulty = faultyLife(endpoint, proxy, "after forwarding");

      assertThat(proxy.injected().keySet())
          .as("faults injected %s", proxy.injected())
          .anyMatch(k -> k.endsWith("AFTER_FORWARDING"));
      assertThat(faulty.outcome().findingsByMember())
          .isEqualTo(reference.outcome().findingsByMember());
      assertThat(faulty.outcome().actionLogByMember())
          .isEqualTo(reference.outcome().actionLogByMember());
      assertThat(faulty.outcome().keyStatuses()).isEqualTo(reference.outcome().keyStatuses());
      assertThat(faulty.outcome().dispatchedByRun())
          .isEqualTo(reference.outcome().dispatchedByRun());
      reference
          .outcome()
          .noticesByOwner()
          .forEach(
              (owner, expected) ->
                  assertThat(new TreeSet<>(faulty.outcome().noticesByOwner().get(owner)))
                      .as("every notice reached %s on its day", owner)
                      .isEqualTo(new TreeSet<>(expected)));
      long lostPublishAnswers = proxy.lostAnswers("sns:Publish");
      assertThat(delivered(faulty) - delivered(reference))
          .as(
              "every extra copy of a notice is a Publish whose answer was lost and which the SDK sent again")
          .isEqualTo(lostPublishAnswers);
    }
  }

  private static long delivered(OrgLife.Lived lived) {
    return lived.outcome().noticesByOwner().values().stream().mapToLong(List::size).sum();
  }

  private static synchronized OrgLife.Lived clean(AwsEndpoint endpoint) throws Exception {
    if (clean == null) {
      long started = System.nanoTime();
      try (FaultProxy transparent =
              FaultProxy.start(endpoint.endpoint(), 0L, Duration.ZERO, List.of());
          OrgLife life =
              new OrgLife(endpoint, transparent.endpoint(), MEMBERS, CLOSED_ACCOUNTS, KEYS)) {
        clean = life.live(DAYS);
        cleanCalls = transparent.forwarded().values().stream().mapToLong(Long::longValue).sum();
        assertThat(transparent.forwarded())
            .containsEntry("iam:UpdateAccessKey", EXPIRED_KEYS)
            .containsEntry("organizations:ListAccounts", 3L * DAYS.length);
        assertThat(clean.outcome().noticesByOwner().get("billing-team@example.com"))
            .as(
                "a key whose last stage fell between runs gets its deactivation notice alone, no late reminder")
            .containsExactly(
                "day 20 member-1 rotation-notice 46 hours left",
                "day 26 member-1 deactivation-notice");
      }
      MotoServer.shared().reset();
      System.out.printf(
          "OrgFaultToleranceIT clean: %d calls, %d audits, %d ms; notices %s; action log %s%n",
          cleanCalls,
          clean.audits(),
          (System.nanoTime() - started) / 1_000_000,
          clean.outcome().noticesByOwner(),
          clean.outcome().actionLogByMember());
    }
    return clean;
  }

  private static OrgLife.Lived faultyLife(AwsEndpoint endpoint, FaultProxy proxy, String name)
      throws Exception {
    long started = System.nanoTime();
    proxy.enabled(false);
    try (OrgLife life = new OrgLife(endpoint, proxy.endpoint(), MEMBERS, CLOSED_ACCOUNTS, KEYS)) {
      proxy.resetCounters();
      proxy.enabled(true);
      OrgLife.Lived faulty = life.live(DAYS);
      proxy.enabled(false);
      print(name, faulty, proxy, (System.nanoTime() - started) / 1_000_000);
      return faulty;
    } finally {
      proxy.enabled(false);
    }
  }

  private static void print(String name, OrgLife.Lived faulty, FaultProxy proxy, long millis) {
    Map<String, Long> injectedByOperation = new TreeMap<>();
    proxy
        .injected()
        .forEach(
            (key, count) ->
                injectedByOperation.merge(key.substring(0, key.indexOf(' ')), count, Long::sum));
    long after =
        proxy.injected().entrySet().stream()
            .filter(e -> e.getKey().endsWith("AFTER_FORWARDING"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    System.out.printf(
        "OrgFaultToleranceIT %s: %d calls reached the emulator (clean: %d), %d faults injected (%d after"
            + " forwarding), %d audits (%d failed and were retried from the queue), %d dispatches failed,"
            + " %d receives failed, %d UpdateAccessKey reached IAM, %d ms%n",
        name,
        proxy.forwarded().values().stream().mapToLong(Long::longValue).sum(),
        cleanCalls,
        proxy.injectedTotal(),
        after,
        faulty.audits(),
        faulty.failedAudits(),
        faulty.failedDispatches(),
        faulty.failedReceives(),
        proxy.forwarded().getOrDefault("iam:UpdateAccessKey", 0L),
        millis);
    System.out.println(
        "OrgFaultToleranceIT " + name + " faults by operation: " + injectedByOperation);
    System.out.println("OrgFaultToleranceIT " + name + " faults: " + proxy.injected());
    System.out.println(
        "OrgFaultToleranceIT " + name + " notices: " + faulty.outcome().noticesByOwner());
    System.out.println(
        "OrgFaultToleranceIT " + name + " audits by day: " + faulty.outcome().statusesByDay());
    System.out.println("OrgFaultToleranceIT " + name + " failures: " + faulty.failures());
  }
}
