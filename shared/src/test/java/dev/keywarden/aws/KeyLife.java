package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.audit.AccountRun;
import dev.keywarden.audit.Deadline;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.RunSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.remediate.KeyStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One account whose keys expire after 30 days, with its findings table, topics and owners' inboxes,
 * lived day by day on the emulator, each day rerun until a run completes: what it ends with can be
 * compared with another life of the same keys that went wrong in between.
 */
final class KeyLife implements AutoCloseable {
  /** Reruns of one day before the life gives up: convergence must come well before this. */
  static final int MAX_RUNS_PER_DAY = 6;

  /** Builds the run for a day's attempt; the default is the production wiring. */
  interface RunMaker {
    AccountRun make(AwsClientFactory clients, Settings settings, Clock clock, int day, int attempt);
  }

  /** What a life ended with, free of ids and times that differ from one life to the next. */
  record Outcome(
      Map<String, List<String>> noticesByOwner,
      List<String> securityNotices,
      Set<String> findings,
      List<String> actionLog,
      Map<String, KeyStatus> keys) {}

  /** Gives a day's attempt its deadline; the default is none. */
  interface DeadlineMaker {
    Deadline make(int day, int attempt);
  }

  /**
   * The outcome and what it took: runs started, runs that ended in an exception, and how each run
   * ended ({@code "day 30 run 0 INCOMPLETE deactivated=1 notices=0"}, {@code "day 30 run 1 died"}).
   */
  record Lived(Outcome outcome, int runs, int failedRuns, List<String> attempts) {}

  /** Clean lives already lived in this JVM, by owners and days. */
  private static final Map<String, Outcome> CLEAN_LIVES = new TreeMap<>();

  private final AwsClientFactory direct;
  private final AwsClientFactory through;
  private final String topicArn;
  private final String securityTopicArn;
  private final Map<String, NoticeInbox> inboxes = new TreeMap<>();
  private final NoticeInbox securityInbox;
  private final Map<String, String> keyIds = new TreeMap<>();
  private final MutableClock clock;
  private final Instant created;

  /**
   * Arranges the account through the emulator's own endpoint; runs go to {@code runEndpoint}.
   *
   * @param owners user name to owner, one expiring key each
   */
  KeyLife(AwsEndpoint endpoint, URI runEndpoint, Map<String, String> owners) throws Exception {
    direct = EmulatorClients.of(endpoint);
    through = EmulatorClients.through(endpoint, runEndpoint);
    DynamoAccountStateStore.createTable(direct.dynamoDb(), RunSettings.defaults().findingsTable());
    topicArn = direct.sns().createTopic(r -> r.name("keywarden-notices")).topicArn();
    securityTopicArn = direct.sns().createTopic(r -> r.name("keywarden-security")).topicArn();
    securityInbox = NoticeInbox.subscribeAll(direct, securityTopicArn, "security-team");
    AccountSeeder seeder = AccountSeeder.using(direct.iam());
    for (Map.Entry<String, String> user : owners.entrySet()) {
      inboxes.put(user.getValue(), NoticeInbox.subscribe(direct, topicArn, user.getValue()));
      seeder.createUser(
          user.getKey(), Map.of("owner", user.getValue(), AuditPolicy.MAX_KEY_AGE_TAG, "30"));
      keyIds.put(user.getKey(), seeder.addAccessKey(user.getKey()));
    }
    clock = new MutableClock(Instant.now());
    created =
        IamInventoryReader.create(direct, AuditPolicy.defaults(), clock)
            .read()
            .credentialReport()
            .users()
            .stream()
            .flatMap(u -> u.accessKeys().stream())
            .flatMap(k -> k.lastRotated().stream())
            .min(Instant::compareTo)
            .orElseThrow();
  }

  /**
   * The life of these owners' keys over these days with nothing going wrong: lived once per JVM on
   * the emulator's own endpoint, which is reset afterwards, and shared by every test that compares
   * with it.
   */
  static synchronized Outcome clean(AwsEndpoint endpoint, Map<String, String> owners, int... days)
      throws Exception {
    String key = new TreeMap<>(owners) + " " + Arrays.toString(days);
    Outcome known = CLEAN_LIVES.get(key);
    if (known == null) {
      try (KeyLife life = new KeyLife(endpoint, endpoint.endpoint(), owners)) {
        known = life.live(days).outcome();
      }
      MotoServer.shared().reset();
      CLEAN_LIVES.put(key, known);
    }
    return known;
  }

  Settings settings() {
    return new Settings(
        AuditPolicy.defaults(),
        RunSettingsFor.enforcing(Optional.of(topicArn), Optional.of(securityTopicArn)));
  }

  /** The clients the runs use, for wrapping their ports. */
  AwsClientFactory runClients() {
    return through;
  }

  String topicArn() {
    return topicArn;
  }

  String securityTopicArn() {
    return securityTopicArn;
  }

  Lived live(int... days) throws Exception {
    return live(
        (clients, settings, clk, day, attempt) -> AccountRuns.create(clients, settings, clk), days);
  }

  /** Lives the days in order, each rerun until a run completes with no failed deactivation. */
  Lived live(RunMaker maker, int... days) throws Exception {
    return live(maker, (day, attempt) -> Deadline.none(), days);
  }

  /**
   * As {@link #live(RunMaker, int...)}, each run within the deadline {@code deadlines} gives it.
   */
  Lived live(RunMaker maker, DeadlineMaker deadlines, int... days) throws Exception {
    List<String> attempts = new ArrayList<>();
    int runs = 0;
    int failed = 0;
    Map<String, List<String>> notices = new TreeMap<>();
    List<String> security = new ArrayList<>();
    String accountId = null;
    int visit = 0;
    for (int day : days) {
      visit++;
      clock.set(created.plus(Duration.ofDays(day)).plusSeconds(60));
      boolean done = false;
      for (int attempt = 0; attempt < MAX_RUNS_PER_DAY && !done; attempt++) {
        runs++;
        try {
          String runId = "run-" + visit + "-day-" + day + "-" + attempt;
          RunOutcome outcome =
              maker
                  .make(through, settings(), clock, day, attempt)
                  .run(
                      IamInventoryReader.create(through, AuditPolicy.defaults(), clock).read(),
                      runId,
                      deadlines.make(day, attempt));
          accountId = outcome.accountId();
          attempts.add(
              "day "
                  + day
                  + " run "
                  + attempt
                  + " "
                  + outcome.status()
                  + " deactivated="
                  + outcome.deactivation().map(r -> r.deactivated().size()).orElse(0)
                  + " notices="
                  + outcome.noticesPublished().size());
          done =
              outcome.status() == RunOutcome.Status.COMPLETED
                  && outcome.deactivation().map(r -> r.failed().isEmpty()).orElse(true);
          if (outcome.status() == RunOutcome.Status.SKIPPED_BUSY) {
            clock.advance(Duration.ofSeconds(settings().run().leaseSeconds() + 1));
          }
        } catch (RuntimeException runDied) {
          failed++;
          attempts.add("day " + day + " run " + attempt + " died");
        }
      }
      assertThat(done).as("day %d converged within %d runs", day, MAX_RUNS_PER_DAY).isTrue();
      for (Map.Entry<String, NoticeInbox> inbox : inboxes.entrySet()) {
        for (NoticeInbox.ReceivedNotice n : inbox.getValue().drain()) {
          notices
              .computeIfAbsent(inbox.getKey(), k -> new ArrayList<>())
              .add("day " + day + " " + n.kindAndStage());
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
    List<String> log =
        store.load(accountId).actions().stream()
            .map(
                e ->
                    e.kind()
                        + " "
                        + e.phase()
                        + " "
                        + e.userName()
                        + " "
                        + keyIds.get(e.userName()).equals(e.accessKeyId())
                        + " "
                        + e.outcome().orElse(""))
            .sorted()
            .toList();
    Map<String, KeyStatus> statuses = new TreeMap<>();
    keyIds.forEach(
        (user, key) -> statuses.put(user, AccessKeyGateway.create(direct).status(user, key)));
    return new Lived(
        new Outcome(notices, security, findings, log, statuses), runs, failed, attempts);
  }

  @Override
  public void close() {
    direct.close();
    through.close();
  }
}
