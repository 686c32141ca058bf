package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.audit.AccountRun;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.RunSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.remediate.AccessKeys;
import dev.keywarden.remediate.ActionLogEntry;
import dev.keywarden.remediate.KeyStatus;
import dev.keywarden.remediate.Reactivator;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A key's whole life on the emulator, over simulated days: notices at 14, 7 and 1 days, each once,
 * deactivation on the deadline with its notice, and the rails around it.
 */
@WithEmulator
class AccountRunIT {
  private static final String OWNER = "payments-team@example.com";
  private static final String USER = "svc-payments";

  private AwsClientFactory clients;
  private CallCounter calls;
  private String topicArn;
  private String securityTopicArn;
  private NoticeInbox inbox;
  private NoticeInbox otherInbox;
  private NoticeInbox securityInbox;
  private String keyId;
  private Instant created;
  private MutableClock clock;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) throws Exception {
    calls = CallCounter.create();
    clients = EmulatorClients.of(endpoint, calls);
    DynamoAccountStateStore.createTable(clients.dynamoDb(), "keywarden-findings");
    topicArn = clients.sns().createTopic(r -> r.name("keywarden-notices")).topicArn();
    securityTopicArn = clients.sns().createTopic(r -> r.name("keywarden-security")).topicArn();
    inbox = NoticeInbox.subscribe(clients, topicArn, OWNER);
    otherInbox = NoticeInbox.subscribe(clients, topicArn, "someone-else@example.com");
    securityInbox = NoticeInbox.subscribeAll(clients, securityTopicArn, "security-team");
    AccountSeeder seeder = AccountSeeder.using(clients.iam());
    seeder.createUser(USER, Map.of("owner", OWNER, AuditPolicy.MAX_KEY_AGE_TAG, "30"));
    keyId = seeder.addAccessKey(USER);
    clock = new MutableClock(Instant.now());
    created =
        read().credentialReport().users().get(0).accessKeys().get(0).lastRotated().orElseThrow();
  }

  @AfterEach
  void close() {
    clients.close();
  }

  private Settings settings(boolean enforce, int cap) {
    return new Settings(
        AuditPolicy.defaults(),
        RunSettingsFor.run(
            enforce,
            cap,
            RunSettings.defaults().findingsTable(),
            Optional.of(topicArn),
            Optional.of(securityTopicArn)));
  }

  private AccountInventory read() {
    return IamInventoryReader.create(clients, AuditPolicy.defaults(), clock).read();
  }

  private RunOutcome runOnDay(int day, boolean enforce) {
    clock.set(created.plus(Duration.ofDays(day)));
    return AccountRuns.create(clients, settings(enforce, 20), clock)
        .run(read(), "run-day-" + day + "-" + System.nanoTime());
  }

  private String accountId() {
    return read().accountId();
  }

  private KeyStatus status() {
    return AccessKeyGateway.create(clients).status(USER, keyId);
  }

  private DynamoAccountStateStore store() {
    return AccountRuns.store(clients, settings(true, 20));
  }

  @Test
  void run_overAKeysLife_sendsEachStageOnceThenDeactivatesOnTheDeadline() throws Exception {
    runOnDay(10, true);
    assertThat(inbox.drain()).isEmpty();

    runOnDay(16, true);
    List<NoticeInbox.ReceivedNotice> fourteen = inbox.drain();
    assertThat(fourteen).hasSize(1);
    assertThat(fourteen.get(0).subject())
        .startsWith("Keywarden: 1 access key in ")
        .hasSizeLessThan(100);
    assertThat(fourteen.get(0).attributes())
        .containsEntry("recipient", OWNER)
        .containsEntry("kind", "rotation-notice")
        .containsKey("accountId");
    assertThat(fourteen.get(0).body())
        .contains("user " + USER)
        .contains("14 days left")
        .contains("aws iam create-access-key --user-name " + USER);

    calls.reset();
    runOnDay(16, true);
    assertThat(inbox.drain()).as("a rerun the same day publishes nothing").isEmpty();
    long writes =
        calls.snapshot().entrySet().stream()
            .filter(
                e ->
                    e.getKey()
                        .matches(
                            "DynamoDb:(PutItem|UpdateItem|DeleteItem|TransactWriteItems|BatchWriteItem)"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    assertThat(writes).as("steady-state writes %s", calls.snapshot()).isLessThanOrEqualTo(5);

    assertThat(store().owners(accountId())).containsEntry(USER, OWNER);

    runOnDay(23, true);
    assertThat(inbox.drain())
        .singleElement()
        .satisfies(n -> assertThat(n.body()).contains("7 days left"));
    runOnDay(29, true);
    assertThat(inbox.drain())
        .singleElement()
        .satisfies(n -> assertThat(n.body()).contains("24 hours left"));
    assertThat(status()).isEqualTo(KeyStatus.ACTIVE);

    RunOutcome deadline = runOnDay(30, true);
    assertThat(status()).isEqualTo(KeyStatus.INACTIVE);
    assertThat(deadline.deactivation().orElseThrow().deactivated())
        .singleElement()
        .satisfies(k -> assertThat(k.accessKeyId()).isEqualTo(keyId));
    List<NoticeInbox.ReceivedNotice> deactivated = inbox.drain();
    assertThat(deactivated)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.attributes()).containsEntry("kind", "deactivation-notice");
              assertThat(n.body())
                  .contains(keyId)
                  .contains("were not deleted")
                  .contains("keywarden reactivate");
            });
    List<ActionLogEntry> log = store().load(deadline.accountId()).actions();
    assertThat(log)
        .extracting(ActionLogEntry::phase)
        .containsExactly(ActionLogEntry.Phase.INTENT, ActionLogEntry.Phase.RESULT);
    assertThat(log.get(1).outcome()).contains("deactivated");
    assertThat(store().findings(deadline.accountId(), Optional.of(FindingStatus.RESOLVED)))
        .as("the run that deactivates the key resolves its finding")
        .extracting(StoredFinding::checkId)
        .contains("key-expired");
    assertThat(store().findings(deadline.accountId(), Optional.of(FindingStatus.OPEN)))
        .extracting(StoredFinding::checkId)
        .doesNotContain("key-expired");
    assertThat(deadline.summary().orElseThrow().openByCheck()).doesNotContainKey("key-expired");
    assertThat(deadline.summary().orElseThrow().deactivated()).isEqualTo(1);

    runOnDay(31, true);
    assertThat(inbox.drain()).isEmpty();
    assertThat(otherInbox.drain()).as("another recipient's queue receives none of these").isEmpty();
    assertThat(store().findings(deadline.accountId(), Optional.of(FindingStatus.RESOLVED)))
        .extracting(StoredFinding::checkId)
        .contains("key-expired");
  }

  @Test
  void run_whenDryRun_reportsTheDeactivationButChangesNothingInIam() throws Exception {
    RunOutcome outcome = runOnDay(30, false);

    assertThat(status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(outcome.deactivation().orElseThrow().wouldDeactivate())
        .singleElement()
        .satisfies(k -> assertThat(k.userName()).isEqualTo(USER));
    assertThat(outcome.summary().orElseThrow().deactivated())
        .as("a dry run deactivates nothing")
        .isZero();
    assertThat(outcome.summary().orElseThrow().wouldDeactivate()).isEqualTo(1);
    assertThat(store().findings(outcome.accountId(), Optional.of(FindingStatus.OPEN)))
        .extracting(StoredFinding::checkId)
        .as("the key is still active, so its finding stays open")
        .contains("key-expired");
    assertThat(store().load(outcome.accountId()).actions()).isEmpty();
    assertThat(inbox.drain())
        .extracting(n -> n.attributes().get("kind"))
        .containsOnly("rotation-notice");
  }

  /** Users svc-a and svc-b, each with one key and a 30-day limit, seen 31 days on. */
  private void twoKeysExpiredADayAgo() {
    AccountSeeder seeder = AccountSeeder.using(clients.iam());
    for (String user : List.of("svc-a", "svc-b")) {
      seeder.createUser(user, Map.of("owner", OWNER, AuditPolicy.MAX_KEY_AGE_TAG, "30"));
      seeder.addAccessKey(user);
    }
    clock.set(created.plus(Duration.ofDays(31)));
  }

  @Test
  void run_whenDryRunAndMoreKeysExpireThanTheCap_saysHowManyMoreWouldBeDeferred() throws Exception {
    twoKeysExpiredADayAgo();

    RunOutcome outcome =
        AccountRuns.create(clients, settings(false, 1), clock).run(read(), "run-dry-capped");

    assertThat(outcome.deactivation().orElseThrow().wouldDeactivate()).hasSize(1);
    assertThat(outcome.summary().orElseThrow().wouldDeactivate()).isEqualTo(1);
    assertThat(outcome.summary().orElseThrow().deactivated()).isZero();
    assertThat(dev.keywarden.audit.DryRunLines.deferred(outcome, 1))
        .contains(
            "Dry run: 2 more expired keys would be deferred past the cap (deactivation-cap = 1) to later runs.");
  }

  @Test
  void run_whenMoreKeysExpireThanTheCap_defersTheRestAndAlertsTheSecurityTeam() throws Exception {
    twoKeysExpiredADayAgo();

    RunOutcome outcome =
        AccountRuns.create(clients, settings(true, 2), clock).run(read(), "run-capped");

    assertThat(outcome.deactivation().orElseThrow().deactivated()).hasSize(2);
    assertThat(outcome.result().orElseThrow().findings())
        .filteredOn(f -> f.checkId().equals("deactivation-deferred"))
        .hasSize(1);
    assertThat(securityInbox.drain())
        .singleElement()
        .satisfies(n -> assertThat(n.subject()).contains("deactivation cap reached"));
  }

  @Test
  void run_whenCrashedBetweenTheCallAndItsResult_nextRunFinishesWithoutASecondCall()
      throws Exception {
    AtomicInteger updates = new AtomicInteger();
    AccessKeyGateway real = AccessKeyGateway.create(clients);
    AccessKeys crashing = new CrashAfterDeactivate(real, updates);
    clock.set(created.plus(Duration.ofDays(30)));
    AccountRun crashingRun =
        AccountRun.builder()
            .settings(settings(true, 20))
            .store(store())
            .keys(crashing)
            .publisher(SnsNotifier.create(clients.sns(), topicArn, Optional.of(securityTopicArn)))
            .clock(clock)
            .build();

    try {
      crashingRun.run(read(), "run-crashes");
    } catch (IllegalStateException expected) {
      assertThat(expected).hasMessageContaining("crash");
    }
    assertThat(status()).isEqualTo(KeyStatus.INACTIVE);
    inbox.drain();

    clock.advance(Duration.ofHours(1));
    calls.reset();
    RunOutcome next =
        AccountRuns.create(clients, settings(true, 20), clock).run(read(), "run-after-crash");

    assertThat(calls.snapshot()).doesNotContainKey("Iam:UpdateAccessKey");
    assertThat(updates.get()).isEqualTo(1);
    List<ActionLogEntry> log = store().load(next.accountId()).actions();
    assertThat(log)
        .extracting(ActionLogEntry::phase)
        .containsExactly(ActionLogEntry.Phase.INTENT, ActionLogEntry.Phase.RESULT);
    assertThat(inbox.drain())
        .as("the owner still hears of the deactivation")
        .singleElement()
        .satisfies(n -> assertThat(n.attributes()).containsEntry("kind", "deactivation-notice"));
  }

  @Test
  void run_whenAnotherRunHoldsTheAccount_backsOffAndWritesNothing() {
    clock.set(created.plus(Duration.ofDays(16)));
    AccountInventory inventory = read();
    assertThat(
            store()
                .acquireLease(
                    inventory.accountId(), "other-run", clock.instant(), Duration.ofMinutes(15)))
        .isTrue();

    RunOutcome outcome =
        AccountRuns.create(clients, settings(true, 20), clock).run(inventory, "this-run");

    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.SKIPPED_BUSY);
    assertThat(store().findings(inventory.accountId(), Optional.empty())).isEmpty();
  }

  /** The dispatcher's retried SendMessageBatch, or SQS itself, may deliver one request twice. */
  @Test
  void run_whenTheSameRunIsDeliveredAgainAfterItCompleted_doesNothingAgain() throws Exception {
    clock.set(created.plus(Duration.ofDays(31)));
    AccountInventory inventory = read();
    AccountRun run = AccountRuns.create(clients, settings(true, 20), clock);
    RunOutcome first = run.run(inventory, "run-31");
    inbox.drain();
    calls.reset();

    RunOutcome again = AccountRuns.create(clients, settings(true, 20), clock).run(read(), "run-31");

    assertThat(first.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(again.status()).isEqualTo(RunOutcome.Status.ALREADY_DONE);
    assertThat(calls.snapshot())
        .as("only the lease's read and write; no deactivation, no notice")
        .containsKeys("DynamoDb:PutItem", "DynamoDb:GetItem")
        .doesNotContainKeys(
            "DynamoDb:UpdateItem",
            "DynamoDb:TransactWriteItems",
            "DynamoDb:DeleteItem",
            "Iam:UpdateAccessKey",
            "Sns:Publish");
    assertThat(inbox.drain()).isEmpty();
  }

  @Test
  void run_whenAnotherRunOfTheAccountCameBetween_auditsARepeatedDeliveryAgain() throws Exception {
    clock.set(created.plus(Duration.ofDays(16)));
    AccountRuns.create(clients, settings(true, 20), clock).run(read(), "run-16");
    AccountRuns.create(clients, settings(true, 20), clock).run(read(), "run-16b");

    RunOutcome again = AccountRuns.create(clients, settings(true, 20), clock).run(read(), "run-16");

    assertThat(again.status()).isEqualTo(RunOutcome.Status.COMPLETED);
  }

  @Test
  void run_whenUserIsGrantedAnExemption_marksFindingsExemptAndLeavesTheKeyAlone() throws Exception {
    AccountRuns.grants(clients, settings(true, 20))
        .grant(
            new dev.keywarden.checks.ExemptionGrant(
                accountId(),
                USER,
                java.time.LocalDate.ofInstant(
                    created.plus(Duration.ofDays(60)), java.time.ZoneOffset.UTC),
                "Vendor migration",
                java.util.Set.of(),
                "arn:aws:iam::123456789012:role/security-team",
                created));

    RunOutcome outcome = runOnDay(31, true);

    assertThat(status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(store().findings(outcome.accountId(), Optional.of(FindingStatus.EXEMPT)))
        .extracting(StoredFinding::checkId)
        .contains("key-expired");
    assertThat(inbox.drain()).isEmpty();
  }

  @Test
  void reactivate_afterADeactivation_turnsTheKeyBackOnAndLogsIt() {
    RunOutcome outcome = runOnDay(30, true);
    assertThat(status()).isEqualTo(KeyStatus.INACTIVE);

    Reactivator.create(store(), AccessKeyGateway.create(clients))
        .reactivate(
            outcome.accountId(),
            USER,
            keyId,
            "Payments batch needs one more day",
            "arn:aws:iam::123456789012:user/sec",
            clock.instant());

    assertThat(status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(store().load(outcome.accountId()).actions())
        .filteredOn(e -> e.kind() == ActionLogEntry.Kind.REACTIVATE)
        .extracting(ActionLogEntry::phase)
        .containsExactly(ActionLogEntry.Phase.INTENT, ActionLogEntry.Phase.RESULT);
  }

  @Test
  void run_whenAReactivatedKeyIsDeactivatedAgain_tellsTheOwnerAgain() throws Exception {
    RunOutcome first = runOnDay(30, true);
    inbox.drain();
    Reactivator.create(store(), AccessKeyGateway.create(clients))
        .reactivate(
            first.accountId(),
            USER,
            keyId,
            "one more day",
            "arn:aws:iam::123456789012:user/sec",
            clock.instant());

    runOnDay(31, true);

    assertThat(status()).isEqualTo(KeyStatus.INACTIVE);
    assertThat(inbox.drain())
        .singleElement()
        .satisfies(n -> assertThat(n.attributes()).containsEntry("kind", "deactivation-notice"));
    runOnDay(32, true);
    assertThat(inbox.drain()).as("the second deactivation is told once").isEmpty();
  }

  @Test
  void reactivate_whenAPersonTurnedTheKeyOnSinceTheDeactivation_refusesWithoutForce() {
    RunOutcome outcome = runOnDay(30, true);
    clients.iam().updateAccessKey(r -> r.userName(USER).accessKeyId(keyId).status("Active"));
    Reactivator reactivator = Reactivator.create(store(), AccessKeyGateway.create(clients));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                reactivator.reactivate(
                    outcome.accountId(),
                    USER,
                    keyId,
                    "incident over",
                    "arn:aws:iam::123456789012:user/sec",
                    clock.instant()))
        .isInstanceOf(dev.keywarden.InvalidInputException.class)
        .hasMessageContaining("active again")
        .hasMessageContaining("--force");
    assertThat(store().load(outcome.accountId()).actions())
        .noneMatch(e -> e.kind() == ActionLogEntry.Kind.REACTIVATE);
  }

  @Test
  void run_whenTheTableStopsAnsweringAfterADeactivation_saysWhatWasDone() {
    clock.set(created.plus(Duration.ofDays(30)));
    DynamoAccountStateStore real = store();
    dev.keywarden.audit.AccountStateStore failing =
        (dev.keywarden.audit.AccountStateStore)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {dev.keywarden.audit.AccountStateStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("claimNotice")
                      || method.getName().equals("putSummary")) {
                    throw new dev.keywarden.KeywardenException(
                        "dynamodb:" + method.getName() + " failed: the endpoint stopped answering");
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    AccountRun run =
        AccountRun.builder()
            .settings(settings(true, 20))
            .store(failing)
            .keys(AccessKeyGateway.create(clients))
            .publisher(SnsNotifier.create(clients.sns(), topicArn, Optional.of(securityTopicArn)))
            .clock(clock)
            .build();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run.run(read(), "run-table-dies"))
        .isInstanceOf(dev.keywarden.audit.RunInterrupted.class)
        .hasMessageStartingWith("1 key deactivated in account ")
        .hasMessageContaining("the next run finishes the rest")
        .hasMessageContaining("the endpoint stopped answering");
    assertThat(status()).isEqualTo(KeyStatus.INACTIVE);
  }

  /**
   * The real gateway, except that IAM shows two active keys made in the same second as the user's
   * expired one.
   */
  private record TwinKeys(AccessKeyGateway real) implements AccessKeys {
    @Override
    public Optional<String> accessKeyId(String userName, Instant lastRotated) {
      throw new dev.keywarden.KeywardenException(
          "iam:ListAccessKeys: keys [AKIATWIN1, AKIATWIN2] of user "
              + userName
              + " were all created at "
              + lastRotated
              + ", so the credential report cannot tell which one is meant");
    }

    @Override
    public List<String> activeKeyIds(String userName, Instant lastRotated) {
      return List.of("AKIATWIN1", "AKIATWIN2");
    }

    @Override
    public KeyStatus status(String userName, String accessKeyId) {
      return real.status(userName, accessKeyId);
    }

    @Override
    public void deactivate(String userName, String accessKeyId) {
      throw new AssertionError("must not guess which key to deactivate");
    }

    @Override
    public void reactivate(String userName, String accessKeyId) {
      real.reactivate(userName, accessKeyId);
    }

    @Override
    public KeyStatus awaitStatus(String userName, String accessKeyId, KeyStatus expected) {
      return real.awaitStatus(userName, accessKeyId, expected);
    }
  }

  @Test
  void run_whenAKeyCannotBeToldApart_raisesAHighFindingAlertsAndSaysTheActionFailed()
      throws Exception {
    clock.set(created.plus(Duration.ofDays(31)));
    AccountRun run =
        AccountRun.builder()
            .settings(settings(true, 20))
            .store(store())
            .keys(new TwinKeys(AccessKeyGateway.create(clients)))
            .publisher(SnsNotifier.create(clients.sns(), topicArn, Optional.of(securityTopicArn)))
            .clock(clock)
            .build();

    RunOutcome outcome = run.run(read(), "run-twins");

    assertThat(status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(outcome.deactivation().orElseThrow().failed())
        .singleElement()
        .asString()
        .contains("all created at", "AKIATWIN1");
    assertThat(store().findings(outcome.accountId(), Optional.of(FindingStatus.OPEN)))
        .filteredOn(f -> f.checkId().equals("deactivation-failed"))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(dev.keywarden.checks.Severity.HIGH));
    assertThat(securityInbox.drain())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.subject())
                  .isEqualTo("Keywarden: deactivation failed in " + outcome.accountId());
              assertThat(n.attributes()).containsEntry("kind", "deactivation-failed");
            });
  }

  /** The real gateway, except that the process "dies" right after the deactivation call. */
  private record CrashAfterDeactivate(AccessKeyGateway real, AtomicInteger updates)
      implements AccessKeys {
    @Override
    public Optional<String> accessKeyId(String userName, Instant lastRotated) {
      return real.accessKeyId(userName, lastRotated);
    }

    @Override
    public KeyStatus status(String userName, String accessKeyId) {
      return real.status(userName, accessKeyId);
    }

    @Override
    public void deactivate(String userName, String accessKeyId) {
      real.deactivate(userName, accessKeyId);
      updates.incrementAndGet();
      throw new IllegalStateException("simulated crash after UpdateAccessKey");
    }

    @Override
    public void reactivate(String userName, String accessKeyId) {
      real.reactivate(userName, accessKeyId);
    }

    @Override
    public KeyStatus awaitStatus(String userName, String accessKeyId, KeyStatus expected) {
      return real.awaitStatus(userName, accessKeyId, expected);
    }
  }
}
