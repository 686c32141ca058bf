package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.audit.RunOutcome;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.RunSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import dev.keywarden.faults.FaultProxy;
import dev.keywarden.faults.FaultProxy.Fault;
import dev.keywarden.faults.FaultProxy.Rule;
import dev.keywarden.faults.FaultProxy.When;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.remediate.KeyStatus;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two keys' whole lives (notices at 14, 7 and 1 days, deactivation on the deadline) lived once
 * against a well-behaved emulator and once through a {@link FaultProxy} that throttles and fails
 * calls: the faulty life must end exactly as the clean one, with nothing lost and nothing done twice.
 */
@WithEmulator
class FaultToleranceIT {
  private static final Map<String, String> OWNERS = new LinkedHashMap<>(Map.of(
      "svc-payments", "payments-team@example.com",
      "svc-ledger", "ledger-team@example.com"));
  private static final int[] DAYS = {10, 16, 16, 23, 29, 30, 31};
  /** Reruns of one day before the test gives up: convergence must come well before this. */
  private static final int MAX_RUNS_PER_DAY = 6;
  private static final Pattern STAGE = Pattern.compile("\\d+ days? left|\\d+ hours? left");
  private static final Set<String> MUTATIONS = Set.of("iam:UpdateAccessKey", "dynamodb:PutItem", "dynamodb:UpdateItem",
      "dynamodb:DeleteItem", "dynamodb:TransactWriteItems", "dynamodb:BatchWriteItem", "sns:Publish");

  /** What a life ended with, free of ids and times that differ from one life to the next. */
  record Outcome(Map<String, List<String>> noticesByOwner, List<String> securityNotices, Set<String> findings,
      List<String> actionLog, Map<String, KeyStatus> keys) {}

  /** The life lived through the proxy, and what it took. */
  record FaultyLife(Outcome outcome, int runs, int failedRuns, FaultProxy proxy) {}

  @Test
  void life_whenAFifthOfCallsAreThrottledAndSomeFail_endsExactlyAsACleanLife(AwsEndpoint endpoint) throws Exception {
    Outcome clean = cleanLife(endpoint);

    try (FaultProxy proxy = FaultProxy.start(endpoint.endpoint(), 20261124L, Duration.ofMillis(20), List.of(
        Rule.everyCall(Fault.THROTTLE, When.BEFORE_FORWARDING, 0.20),
        Rule.everyCall(Fault.SERVER_ERROR, When.BEFORE_FORWARDING, 0.025),
        Rule.everyCall(Fault.UNAVAILABLE, When.BEFORE_FORWARDING, 0.025)))) {
      FaultyLife faulty = faultyLife(endpoint, proxy);

      assertThat(proxy.injectedTotal()).as("faults injected %s", proxy.injected()).isGreaterThan(50);
      assertThat(faulty.outcome()).isEqualTo(clean);
      assertThat(proxy.forwarded().get("iam:UpdateAccessKey")).as("one deactivation call per key reached IAM")
          .isEqualTo(OWNERS.size());
    }
  }

  @Test
  void life_whenWritesFailAfterTheEmulatorAppliedThem_losesNothingAndNeverDeactivatesTwice(AwsEndpoint endpoint)
      throws Exception {
    Outcome clean = cleanLife(endpoint);

    try (FaultProxy proxy = FaultProxy.start(endpoint.endpoint(), 7L, Duration.ofMillis(20), List.of(
        Rule.on(MUTATIONS, Fault.RESET, When.AFTER_FORWARDING, 0.10),
        Rule.on(MUTATIONS, Fault.SERVER_ERROR, When.AFTER_FORWARDING, 0.10),
        Rule.everyCall(Fault.THROTTLE, When.BEFORE_FORWARDING, 0.10),
        Rule.everyCall(Fault.SLOW, When.BEFORE_FORWARDING, 0.05)))) {
      FaultyLife faulty = faultyLife(endpoint, proxy);

      assertThat(proxy.injected().keySet()).as("faults injected %s", proxy.injected())
          .anyMatch(k -> k.endsWith("AFTER_FORWARDING"));
      assertThat(faulty.outcome().findings()).isEqualTo(clean.findings());
      assertThat(faulty.outcome().actionLog()).isEqualTo(clean.actionLog());
      assertThat(faulty.outcome().keys()).isEqualTo(clean.keys());
      faulty.outcome().noticesByOwner().forEach((owner, received) ->
          assertThat(new TreeSet<>(received)).as("every notice reached %s at least once", owner)
              .isEqualTo(new TreeSet<>(clean.noticesByOwner().get(owner))));
    }
  }

  private Outcome cleanLife(AwsEndpoint endpoint) throws Exception {
    Outcome clean = new Life(endpoint, endpoint.endpoint()).live().outcome();
    MotoServer.shared().reset();
    return clean;
  }

  private FaultyLife faultyLife(AwsEndpoint endpoint, FaultProxy proxy) throws Exception {
    proxy.enabled(false);
    Life life = new Life(endpoint, proxy.endpoint());
    proxy.resetCounters();
    proxy.enabled(true);
    Life.Lived lived = life.live();
    proxy.enabled(false);
    return new FaultyLife(lived.outcome(), lived.runs(), lived.failedRuns(), proxy);
  }

  /** One account with two expiring keys, its table, topics and owners' inboxes, lived day by day. */
  private static final class Life {
    record Lived(Outcome outcome, int runs, int failedRuns) {}

    private final AwsClientFactory direct;
    private final AwsClientFactory through;
    private final String topicArn;
    private final String securityTopicArn;
    private final Map<String, NoticeInbox> inboxes = new TreeMap<>();
    private final NoticeInbox securityInbox;
    private final Map<String, String> keyIds = new TreeMap<>();
    private final MutableClock clock;
    private final Instant created;

    Life(AwsEndpoint endpoint, java.net.URI runEndpoint) throws Exception {
      direct = AwsClientFactory.create(ClientSettings.forEndpoint(
          endpoint.endpoint(), endpoint.region(), endpoint.accessKeyId(), endpoint.secretAccessKey()));
      through = AwsClientFactory.createWithBackoff(ClientSettings.forEndpoint(
              runEndpoint, endpoint.region(), endpoint.accessKeyId(), endpoint.secretAccessKey()),
          Duration.ofMillis(5), Duration.ofMillis(10));
      DynamoAccountStateStore.createTable(direct.dynamoDb(), RunSettings.defaults().findingsTable());
      topicArn = direct.sns().createTopic(r -> r.name("keywarden-notices")).topicArn();
      securityTopicArn = direct.sns().createTopic(r -> r.name("keywarden-security")).topicArn();
      securityInbox = NoticeInbox.subscribeAll(direct, securityTopicArn, "security-team");
      AccountSeeder seeder = AccountSeeder.using(direct.iam());
      for (Map.Entry<String, String> user : OWNERS.entrySet()) {
        inboxes.put(user.getValue(), NoticeInbox.subscribe(direct, topicArn, user.getValue()));
        seeder.createUser(user.getKey(), Map.of("owner", user.getValue(), AuditPolicy.MAX_KEY_AGE_TAG, "30"));
        keyIds.put(user.getKey(), seeder.addAccessKey(user.getKey()));
      }
      clock = new MutableClock(Instant.now());
      created = IamInventoryReader.create(direct, AuditPolicy.defaults(), clock).read().credentialReport().users()
          .stream().flatMap(u -> u.accessKeys().stream()).flatMap(k -> k.lastRotated().stream())
          .min(Instant::compareTo).orElseThrow();
    }

    Settings settings() {
      RunSettings d = RunSettings.defaults();
      return new Settings(AuditPolicy.defaults(), new RunSettings(true, 20, d.noticeStagesDays(), d.findingsTable(),
          Optional.of(topicArn), Optional.of(securityTopicArn), Optional.empty(), d.historyDays(), d.leaseSeconds(),
          Optional.empty()));
    }

    Lived live() throws Exception {
      int runs = 0;
      int failed = 0;
      Map<String, List<String>> notices = new TreeMap<>();
      List<String> security = new ArrayList<>();
      String accountId = null;
      try {
        for (int day : DAYS) {
          clock.set(created.plus(Duration.ofDays(day)).plusSeconds(60));
          boolean done = false;
          for (int attempt = 0; attempt < MAX_RUNS_PER_DAY && !done; attempt++) {
            runs++;
            try {
              RunOutcome outcome = AccountRuns.create(through, settings(), clock).run(
                  IamInventoryReader.create(through, AuditPolicy.defaults(), clock).read(), "run-" + day + "-" + attempt);
              accountId = outcome.accountId();
              done = outcome.status() == RunOutcome.Status.COMPLETED
                  && outcome.deactivation().map(r -> r.failed().isEmpty()).orElse(true);
              if (outcome.status() == RunOutcome.Status.SKIPPED_BUSY) {
                clock.advance(Duration.ofSeconds(settings().run().leaseSeconds() + 1));
              }
            } catch (RuntimeException callsExhausted) {
              failed++;
            }
          }
          assertThat(done).as("day %d converged within %d runs", day, MAX_RUNS_PER_DAY).isTrue();
          for (Map.Entry<String, NoticeInbox> inbox : inboxes.entrySet()) {
            for (NoticeInbox.ReceivedNotice n : inbox.getValue().drain()) {
              notices.computeIfAbsent(inbox.getKey(), k -> new ArrayList<>()).add("day " + day + " " + label(n));
            }
          }
          for (NoticeInbox.ReceivedNotice n : securityInbox.drain()) {
            security.add("day " + day + " " + n.attributes().get("kind"));
          }
        }
        DynamoAccountStateStore store = AccountRuns.store(direct, settings());
        Set<String> findings = new TreeSet<>();
        for (StoredFinding f : store.findings(accountId, Optional.empty())) {
          findings.add(f.checkId() + " " + f.resourceId() + " " + f.status());
        }
        List<String> log = store.load(accountId).actions().stream()
            .map(e -> e.kind() + " " + e.phase() + " " + e.userName() + " " + keyIds.get(e.userName()).equals(e.accessKeyId())
                + " " + e.outcome().orElse(""))
            .sorted().toList();
        Map<String, KeyStatus> statuses = new TreeMap<>();
        keyIds.forEach((user, key) -> statuses.put(user, AccessKeyGateway.create(direct).status(user, key)));
        return new Lived(new Outcome(notices, security, findings, log, statuses), runs, failed);
      } finally {
        direct.close();
        through.close();
      }
    }

    private static String label(NoticeInbox.ReceivedNotice n) {
      Matcher stage = STAGE.matcher(n.body());
      return n.attributes().get("kind") + (stage.find() ? " " + stage.group() : "");
    }
  }
}
