package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.audit.RunOutcome;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.RunSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import dev.keywarden.faults.FaultProxy;
import dev.keywarden.faults.FaultProxy.Fault;
import dev.keywarden.faults.FaultProxy.Rule;
import dev.keywarden.faults.FaultProxy.When;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two runs of one account started together on two threads, each with its own clients, through a
 * proxy that slows and throttles calls so that they overlap: the lease lets one do the work and
 * sends the other away, and nothing (deactivation, notice, action-log entry) is doubled. Each race
 * is run a few times on a fresh emulator, so that the overlap is not luck.
 *
 * <p>The second run starts {@link #STAGGER} after the first, well inside the first's run of about
 * two seconds. The emulator checks a write's condition and applies it without a lock, so two lease
 * writes arriving within the same instant could both succeed there, which DynamoDB never allows;
 * the proxy forwards DynamoDB's item writes one at a time, as DynamoDB applies them.
 */
@WithEmulator
class ConcurrentRunsIT {
  private static final int ROUNDS = 4;
  private static final Duration STAGGER = Duration.ofMillis(15);
  private static final String EXPIRED_OWNER = "legacy-team@example.com";
  private static final String DUE_OWNER = "billing-team@example.com";

  /** What one run did, and when, by the test's clock. */
  private record Timed(RunOutcome outcome, long startNanos, long endNanos) {}

  /** Two runs with different run ids: the CLI and the schedule, or two dispatches of one day. */
  @Test
  void run_whenTwoRunsOfOneAccountStartTogether_oneDoesTheWorkAndTheOtherBacksOff(
      AwsEndpoint endpoint) throws Exception {
    race(endpoint, "two runs", round -> List.of("run-a-" + round, "run-b-" + round));
  }

  /**
   * The same audit request delivered twice at once, as an SQS standard queue may (a dispatcher's
   * SendMessageBatch retried after its answer was lost puts every request there twice).
   */
  @Test
  void run_whenOneRequestIsDeliveredTwiceAtOnce_oneDoesTheWorkAndTheOtherBacksOff(
      AwsEndpoint endpoint) throws Exception {
    race(endpoint, "one request twice", round -> List.of("daily-" + round, "daily-" + round));
  }

  private interface RunIds {
    List<String> forRound(int round);
  }

  private void race(AwsEndpoint endpoint, String name, RunIds runIds) throws Exception {
    List<String> figures = new ArrayList<>();
    try (FaultProxy proxy =
        FaultProxy.start(
            endpoint.endpoint(),
            20261126L,
            Duration.ofMillis(40),
            List.of(
                Rule.everyCall(Fault.SLOW, When.BEFORE_FORWARDING, 0.30),
                Rule.everyCall(Fault.THROTTLE, When.BEFORE_FORWARDING, 0.10)))) {
      for (int round = 0; round < ROUNDS; round++) {
        if (round > 0) {
          MotoServer.shared().reset();
        }
        proxy.enabled(false);
        try (AwsClientFactory direct = EmulatorClients.of(endpoint)) {
          Arranged account = arrange(direct);
          proxy.resetCounters();
          proxy.enabled(true);
          List<Timed> runs = runTogether(endpoint, proxy, account, runIds.forRound(round));
          proxy.enabled(false);

          Timed done =
              runs.stream()
                  .filter(r -> r.outcome().status() == RunOutcome.Status.COMPLETED)
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no run completed: " + runs));
          Timed busy = runs.get(runs.indexOf(done) == 0 ? 1 : 0);
          figures.add(
              String.format(
                  "round %d: %s in %d ms, %s in %d ms, %d faults",
                  round,
                  done.outcome().status(),
                  (done.endNanos() - done.startNanos()) / 1_000_000,
                  busy.outcome().status(),
                  (busy.endNanos() - busy.startNanos()) / 1_000_000,
                  proxy.injectedTotal()));
          assertThat(busy.outcome().status())
              .as("round %d: the other run", round)
              .isEqualTo(RunOutcome.Status.SKIPPED_BUSY);
          assertThat(busy.endNanos())
              .as("round %d: the busy run saw the lease while the other still held it", round)
              .isLessThan(done.endNanos());
          assertThat(proxy.forwarded().get("iam:UpdateAccessKey"))
              .as("round %d: UpdateAccessKey calls", round)
              .isEqualTo(1L);
          assertThat(kinds(account.expiredInbox()))
              .as("round %d: notices to %s", round, EXPIRED_OWNER)
              .containsExactly("deactivation-notice");
          assertThat(kinds(account.dueInbox()))
              .as("round %d: notices to %s", round, DUE_OWNER)
              .containsExactly("rotation-notice");
          assertThat(
                  AccountRuns.store(direct, account.settings())
                      .load(account.inventory().accountId())
                      .actions())
              .as("round %d: action log", round)
              .extracting(e -> e.phase() + " " + e.userName() + " " + e.outcome().orElse(""))
              .containsExactlyInAnyOrder("INTENT svc-legacy ", "RESULT svc-legacy deactivated");
        }
      }
    } finally {
      System.out.println("ConcurrentRunsIT " + name + ": " + figures);
    }
  }

  private record Arranged(
      Settings settings,
      AccountInventory inventory,
      MutableClock clock,
      NoticeInbox expiredInbox,
      NoticeInbox dueInbox) {}

  /** An account with a key past its deadline and one a day before it, read once for both runs. */
  private static Arranged arrange(AwsClientFactory direct) {
    DynamoAccountStateStore.createTable(direct.dynamoDb(), RunSettings.defaults().findingsTable());
    String topicArn = direct.sns().createTopic(r -> r.name("keywarden-notices")).topicArn();
    NoticeInbox expiredInbox = NoticeInbox.subscribe(direct, topicArn, EXPIRED_OWNER);
    NoticeInbox dueInbox = NoticeInbox.subscribe(direct, topicArn, DUE_OWNER);
    AccountSeeder seeder = AccountSeeder.using(direct.iam());
    seeder.createUser(
        "svc-legacy", Map.of("owner", EXPIRED_OWNER, AuditPolicy.MAX_KEY_AGE_TAG, "15"));
    seeder.addAccessKey("svc-legacy");
    seeder.createUser("svc-billing", Map.of("owner", DUE_OWNER, AuditPolicy.MAX_KEY_AGE_TAG, "22"));
    seeder.addAccessKey("svc-billing");
    MutableClock clock =
        new MutableClock(Instant.now().plus(Duration.ofDays(20)).plus(Duration.ofMinutes(90)));
    Settings settings =
        new Settings(
            AuditPolicy.defaults(),
            RunSettingsFor.enforcing(Optional.of(topicArn), Optional.empty()));
    AccountInventory inventory =
        IamInventoryReader.create(direct, AuditPolicy.defaults(), clock).read();
    return new Arranged(settings, inventory, clock, expiredInbox, dueInbox);
  }

  /**
   * Starts one run per id, each on its own thread and clients, released by one latch and {@link
   * #STAGGER} apart.
   */
  private static List<Timed> runTogether(
      AwsEndpoint endpoint, FaultProxy proxy, Arranged account, List<String> runIds)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(runIds.size());
    List<AwsClientFactory> clients = new ArrayList<>();
    try {
      List<Future<Timed>> futures = new ArrayList<>();
      for (int i = 0; i < runIds.size(); i++) {
        String runId = runIds.get(i);
        long delay = STAGGER.toMillis() * i;
        AwsClientFactory own = EmulatorClients.through(endpoint, proxy.endpoint());
        clients.add(own);
        var run = AccountRuns.create(own, account.settings(), account.clock());
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  Thread.sleep(delay);
                  long started = System.nanoTime();
                  RunOutcome outcome = run.run(account.inventory(), runId);
                  return new Timed(outcome, started, System.nanoTime());
                }));
      }
      start.countDown();
      List<Timed> timed = new ArrayList<>();
      for (Future<Timed> future : futures) {
        timed.add(future.get(60, TimeUnit.SECONDS));
      }
      return timed;
    } finally {
      threads.shutdownNow();
      clients.forEach(AwsClientFactory::close);
    }
  }

  private static List<String> kinds(NoticeInbox inbox) throws Exception {
    return inbox.drain().stream().map(n -> n.attributes().get("kind")).toList();
  }
}
