package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.audit.AccountRun;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.RotationSettings;
import dev.keywarden.config.RunSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.faults.CrashingPort;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.remediate.ActionLogEntry;
import dev.keywarden.remediate.KeyStatus;
import dev.keywarden.rotate.RotationRecord;
import dev.keywarden.rotate.RotationStore;
import dev.keywarden.rotate.Rotator;
import dev.keywarden.rotate.SecretVault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Assisted rotation lived on the emulator, day by day, with the owners' notices read back from
 * their inboxes. Keys' last-use dates are set in the emulator's state (a test fixture: no AWS API
 * sets them), after the new key was really used with the credentials read from its secret.
 *
 * <p>This class runs its own emulator, started with test fixtures, rather than the shared one.
 */
class AssistedRotationIT extends OwnFixturedEmulator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "123456789012";
  private MutableClock clock;
  private String topicArn;
  private final Map<String, NoticeInbox> inboxes = new TreeMap<>();
  private final Map<String, String> oldKeys = new TreeMap<>();
  private final Map<String, String> secondKeys = new TreeMap<>();
  private Instant created;

  @BeforeEach
  void arrange() {
    topicArn = clients.sns().createTopic(r -> r.name("keywarden-notices")).topicArn();
  }

  /**
   * A user with one key (two with {@code twoKeys}), dated 76 days old when the clock starts: 14
   * days left of 90.
   */
  private void user(String name, String owner, boolean tagged, boolean twoKeys) {
    Map<String, String> tags = new TreeMap<>(Map.of("owner", owner));
    if (tagged) {
      tags.put("keywarden:rotation", "assisted");
    }
    AccountSeeder seeder = AccountSeeder.using(clients.iam());
    seeder.createUser(name, tags);
    oldKeys.put(name, seeder.addAccessKey(name));
    if (twoKeys) {
      secondKeys.put(name, seeder.addAccessKey(name));
    }
    inboxes.computeIfAbsent(owner, o -> NoticeInbox.subscribe(clients, topicArn, o));
  }

  /**
   * Starts the simulated clock at the real time (keys Keywarden creates are dated with it) and
   * dates the users' keys 76 days and a minute before it, so their deadline is 14 days less a
   * minute away.
   */
  private void startClock() {
    created = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    oldKeys
        .values()
        .forEach(
            id ->
                server.setAccessKeyCreated(
                    id, created.minus(Duration.ofDays(76)).minusSeconds(60)));
    secondKeys
        .values()
        .forEach(
            id ->
                server.setAccessKeyCreated(
                    id, created.minus(Duration.ofDays(76)).minusSeconds(120)));
    clock = new MutableClock(created);
  }

  private Settings settings() {
    return new Settings(
        AuditPolicy.defaults(),
        RunSettingsFor.enforcing(Optional.of(topicArn), Optional.empty()),
        dev.keywarden.config.OrgSettings.defaults(),
        new RotationSettings(false, List.of(ACCOUNT), 24, Optional.empty()));
  }

  private RunOutcome runAt(Duration sinceCreation, String runId) {
    clock.set(created.plus(sinceCreation));
    return AccountRuns.create(clients, settings(), clock)
        .run(IamInventoryReader.create(clients, AuditPolicy.defaults(), clock).read(), runId);
  }

  /**
   * A run on the simulated clock like {@link #runAt}'s, but whose rotation goes through the given
   * keys, vault and store (ports a test wraps to crash at a chosen call).
   */
  private AccountRun runThrough(
      Settings settings, AccessKeyGateway keys, SecretVault vault, RotationStore store) {
    return AccountRun.builder()
        .settings(settings)
        .store(AccountRuns.store(clients, settings))
        .keys(keys)
        .clock(clock)
        .publisher(SnsNotifier.create(clients.sns(), topicArn, Optional.empty()))
        .rotator(
            Rotator.create(
                RotationKeyGateway.create(clients.iam()), vault, store, keys, settings.rotation()))
        .build();
  }

  private List<NoticeInbox.ReceivedNotice> inbox(String owner) throws Exception {
    return inboxes.get(owner).drain();
  }

  private Map<String, KeyStatus> keys(String user) {
    Map<String, KeyStatus> keys = new TreeMap<>();
    clients
        .iam()
        .listAccessKeys(r -> r.userName(user))
        .accessKeyMetadata()
        .forEach(
            k ->
                keys.put(
                    k.accessKeyId(),
                    k.statusAsString().equals("Active") ? KeyStatus.ACTIVE : KeyStatus.INACTIVE));
    return keys;
  }

  private RotationRecord rotation(String user) {
    return AccountRuns.rotationStore(clients, settings()).rotations(ACCOUNT).get(user);
  }

  /**
   * The application's side: read the secret, sign a call with it, and see it is the user's own key.
   */
  private String useNewKeyFromItsSecret(String user) throws Exception {
    JsonNode value =
        JSON.readTree(
            clients
                .secretsManager()
                .getSecretValue(r -> r.secretId("keywarden/access-keys/" + user))
                .secretString());
    String keyId = value.path("AccessKeyId").asText();
    try (AwsClientFactory app =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                endpoint.endpoint(),
                endpoint.region(),
                keyId,
                value.path("SecretAccessKey").asText()))) {
      assertThat(app.sts().getCallerIdentity().arn())
          .isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/" + user);
    }
    return keyId;
  }

  private void lastUsed(String keyId, Duration sinceCreation) {
    server.setAccessKeyLastUsed(keyId, created.plus(sinceCreation), "s3", endpoint.region());
  }

  private static Duration days(double days) {
    return Duration.ofMinutes(Math.round(days * 24 * 60));
  }

  @Test
  void rotation_fromFirstNoticeToEarlyCutOver_andToTheDeadline_andBlockedByTwoKeys()
      throws Exception {
    user("svc-orders", "orders@example.com", true, false);
    user("svc-billing", "billing@example.com", true, false);
    user("svc-twokeys", "twokeys@example.com", true, true);
    user("svc-plain", "plain@example.com", false, false);
    startClock();
    List<String> secretsSeen = new ArrayList<>();
    List<String> written = new ArrayList<>();

    try (LogCapture logs = LogCapture.of("dev.keywarden", "software.amazon.awssdk")) {
      // Day 0: the first notice stage (14 days left). Tagged users with a free slot get a new key.
      RunOutcome day0 = runAt(Duration.ZERO, "day-0");
      assertThat(day0.status()).isEqualTo(RunOutcome.Status.COMPLETED);
      for (String user : List.of("svc-orders", "svc-billing")) {
        assertThat(keys(user))
            .hasSize(2)
            .containsEntry(oldKeys.get(user), KeyStatus.ACTIVE)
            .allSatisfy((id, status) -> assertThat(status).isEqualTo(KeyStatus.ACTIVE));
        assertThat(rotation(user).phase()).isEqualTo(RotationRecord.Phase.IN_PROGRESS);
        secretsSeen.add(
            JSON.readTree(
                    clients
                        .secretsManager()
                        .getSecretValue(r -> r.secretId("keywarden/access-keys/" + user))
                        .secretString())
                .path("SecretAccessKey")
                .asText());
      }
      assertThat(keys("svc-twokeys")).hasSize(2);
      assertThat(keys("svc-plain")).hasSize(1);
      String ordersNew = rotation("svc-orders").newKeyId().orElseThrow();
      String billingNew = rotation("svc-billing").newKeyId().orElseThrow();

      List<NoticeInbox.ReceivedNotice> orders0 = inbox("orders@example.com");
      assertThat(orders0)
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n.attributes()).containsEntry("kind", "assisted-rotation-notice");
                assertThat(n.body())
                    .contains("Keywarden created a new access key for user svc-orders")
                    .contains("Secrets Manager secret keywarden/access-keys/svc-orders")
                    .contains(ordersNew)
                    .contains(oldKeys.get("svc-orders"))
                    .contains("13 days left")
                    .contains("has not been used for 24 hours");
              });
      assertThat(inbox("billing@example.com"))
          .singleElement()
          .satisfies(
              n ->
                  assertThat(n.body())
                      .contains("keywarden/access-keys/svc-billing")
                      .contains(billingNew));
      assertThat(inbox("twokeys@example.com"))
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n.attributes()).containsEntry("kind", "assisted-rotation-notice");
                assertThat(n.body())
                    .contains("could not create a new access key for user svc-twokeys")
                    .contains("two active access keys");
              });
      assertThat(inbox("plain@example.com"))
          .singleElement()
          .satisfies(n -> assertThat(n.attributes()).containsEntry("kind", "rotation-notice"));
      assertThat(
              AccountRuns.store(clients, settings())
                  .findings(ACCOUNT, Optional.of(FindingStatus.OPEN)))
          .filteredOn(f -> f.checkId().equals("rotation-blocked"))
          .singleElement()
          .satisfies(f -> assertThat(f.principal()).isEqualTo("svc-twokeys"));

      // Day 2: the application switched (it reads the secret); the old key is still used by a
      // straggler.
      for (String user : List.of("svc-orders", "svc-billing")) {
        assertThat(useNewKeyFromItsSecret(user)).isEqualTo(rotation(user).newKeyId().orElseThrow());
      }
      lastUsed(ordersNew, days(1.5));
      lastUsed(oldKeys.get("svc-orders"), days(1.9));
      lastUsed(billingNew, days(1.5));
      lastUsed(oldKeys.get("svc-billing"), days(1.9));
      runAt(days(2), "day-2");
      assertThat(keys("svc-orders")).containsEntry(oldKeys.get("svc-orders"), KeyStatus.ACTIVE);
      assertThat(inbox("orders@example.com")).isEmpty();

      // Day 7: the 7-day stage says what Keywarden sees of both keys.
      lastUsed(ordersNew, days(6.9));
      lastUsed(oldKeys.get("svc-orders"), days(6.5));
      lastUsed(billingNew, days(6.9));
      lastUsed(oldKeys.get("svc-billing"), days(6.9));
      runAt(days(7).plusSeconds(60), "day-7");
      assertThat(inbox("orders@example.com"))
          .singleElement()
          .satisfies(
              n ->
                  assertThat(n.body())
                      .contains(
                          "- new key "
                              + ordersNew
                              + ": in use, last used "
                              + created.plus(days(6.9)))
                      .contains(
                          "- old key "
                              + oldKeys.get("svc-orders")
                              + ": still used, last at "
                              + created.plus(days(6.5)))
                      .contains("6 days left"));
      assertThat(inbox("billing@example.com"))
          .singleElement()
          .satisfies(
              n -> assertThat(n.body()).contains("still used, last at " + created.plus(days(6.9))));
      JsonNode midway = report(dev.keywarden.findings.IsoWeek.of(clock.instant()), written);
      assertThat(midway.path("assistedRotations").path("inProgress").asInt()).isEqualTo(2);

      // Day 7.5 + 1 minute: orders' old key has been quiet exactly 24 hours (and a minute): early
      // cut-over.
      lastUsed(billingNew, days(7.4));
      lastUsed(oldKeys.get("svc-billing"), days(7.45));
      RunOutcome cut = runAt(days(7.5).plusSeconds(60), "day-7.5");
      assertThat(keys("svc-orders"))
          .containsEntry(oldKeys.get("svc-orders"), KeyStatus.INACTIVE)
          .containsEntry(ordersNew, KeyStatus.ACTIVE);
      assertThat(rotation("svc-orders").phase()).isEqualTo(RotationRecord.Phase.CUT_OVER);
      assertThat(cut.deactivation().orElseThrow().deactivated())
          .singleElement()
          .satisfies(k -> assertThat(k.accessKeyId()).isEqualTo(oldKeys.get("svc-orders")));
      assertThat(AccountRuns.store(clients, settings()).load(ACCOUNT).actions())
          .filteredOn(
              e ->
                  e.accessKeyId().equals(oldKeys.get("svc-orders"))
                      && e.phase() == ActionLogEntry.Phase.RESULT)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.outcome()).contains("deactivated");
                assertThat(e.reason()).startsWith("assisted rotation cut-over");
              });
      assertThat(inbox("orders@example.com"))
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n.attributes()).containsEntry("kind", "assisted-rotation-notice");
                assertThat(n.body())
                    .contains("deactivated the old access key")
                    .contains(oldKeys.get("svc-orders"))
                    .contains("before its deadline")
                    .contains("keywarden reactivate --account " + ACCOUNT);
              });
      assertThat(keys("svc-billing")).containsEntry(oldKeys.get("svc-billing"), KeyStatus.ACTIVE);
      assertThat(inbox("billing@example.com")).isEmpty();

      // Day 13.5: the 1-day stage; billing's old key is still used.
      lastUsed(oldKeys.get("svc-billing"), days(13.4));
      runAt(days(13.5), "day-13.5");
      assertThat(inbox("billing@example.com"))
          .singleElement()
          .satisfies(
              n ->
                  assertThat(n.body())
                      .contains("still used, last at " + created.plus(days(13.4)))
                      .contains("hours left"));
      assertThat(inbox("orders@example.com")).isEmpty();

      // Day 14 + 2 minutes: the deadline. Billing's old key is deactivated whatever uses it, as
      // always.
      lastUsed(oldKeys.get("svc-billing"), days(14));
      runAt(days(14).plusSeconds(120), "day-14");
      assertThat(keys("svc-billing"))
          .containsEntry(oldKeys.get("svc-billing"), KeyStatus.INACTIVE)
          .containsEntry(billingNew, KeyStatus.ACTIVE);
      assertThat(rotation("svc-billing").phase()).isEqualTo(RotationRecord.Phase.COMPLETED);
      assertThat(inbox("billing@example.com"))
          .singleElement()
          .satisfies(n -> assertThat(n.attributes()).containsEntry("kind", "deactivation-notice"));
      assertThat(inbox("orders@example.com"))
          .as("the cut-over key is not announced again")
          .isEmpty();
      assertThat(keys("svc-orders")).containsEntry(ordersNew, KeyStatus.ACTIVE);

      // A later run changes nothing and sends nothing; the week's report shows the rotations that
      // ended.
      runAt(days(15), "day-15");
      JsonNode ended = report(dev.keywarden.findings.IsoWeek.of(created.plus(days(14))), written);
      assertThat(ended.path("assistedRotations").path("inProgress").asInt()).isZero();
      assertThat(ended.path("assistedRotations").path("rotations").findValuesAsText("userName"))
          .contains("svc-billing");
      assertThat(ended.path("assistedRotations").path("completedThisWeek").asInt()).isBetween(1, 2);
      assertThat(inbox("orders@example.com")).isEmpty();
      assertThat(inbox("billing@example.com")).isEmpty();
      assertThat(keys("svc-orders")).hasSize(2);
      assertThat(keys("svc-billing")).hasSize(2);
      written.add(logs.text());
    }
    assertThat(written).as("log, reports").hasSizeGreaterThan(8);

    // The secrets never left Secrets Manager: not in any log line, table item or notice.
    assertThat(secretsSeen).hasSize(2).allSatisfy(s -> assertThat(s).hasSize(40));
    clients
        .dynamoDb()
        .scanPaginator(r -> r.tableName(RunSettings.defaults().findingsTable()))
        .items()
        .forEach(item -> written.add(item.toString()));
    written.add(String.join("\n", outboxBodies()));
    for (String secret : secretsSeen) {
      assertThat(written).allSatisfy(text -> assertThat(text).doesNotContain(secret));
    }
    String log =
        written.stream()
            .filter(t -> t.contains("assisted rotation: created"))
            .findFirst()
            .orElseThrow();
    assertThat(log)
        .as("the capture saw the SDK's debug lines too")
        .contains("software.amazon.awssdk");
  }

  /** Writes the week's report into a folder; its files join {@code written}; returns its JSON. */
  private JsonNode report(String week, List<String> written) throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("keywarden-report-");
    java.nio.file.Path page = WeeklyReports.create(clients, settings(), clock).writeTo(week, dir);
    String html = java.nio.file.Files.readString(page);
    assertThat(html).contains("<section id=\"assisted-rotations\"");
    written.add(html);
    written.add(java.nio.file.Files.readString(dir.resolve("digest.txt")));
    written.add(java.nio.file.Files.readString(dir.resolve("findings.csv")));
    String json = java.nio.file.Files.readString(dir.resolve("report.json"));
    written.add(json);
    return JSON.readTree(json);
  }

  private List<String> outboxBodies() {
    List<String> bodies = new ArrayList<>();
    clients
        .dynamoDb()
        .scanPaginator(r -> r.tableName(RunSettings.defaults().findingsTable()))
        .items()
        .stream()
        .filter(i -> i.containsKey("body"))
        .forEach(i -> bodies.add(i.get("body").s()));
    return bodies;
  }

  /** Where the process dies: after CreateAccessKey, before or after the secret is written. */
  enum CrashPoint {
    BEFORE_SECRET,
    AFTER_SECRET
  }

  @ParameterizedTest
  @EnumSource(CrashPoint.class)
  void run_thatDiesBetweenKeyCreationAndItsResult_isFinishedByTheNextRun(CrashPoint at)
      throws Exception {
    user("svc-crash", "crash@example.com", true, false);
    startClock();
    CrashingPort.SimulatedProcess process = new CrashingPort.SimulatedProcess();
    Settings settings = settings();
    AccessKeyGateway keys = AccessKeyGateway.create(clients);
    SecretVault vault =
        CrashingPort.crashing(
            SecretVault.class,
            SecretsManagerVault.create(clients.secretsManager()),
            process,
            "store",
            1,
            at == CrashPoint.BEFORE_SECRET ? CrashingPort.At.BEFORE : CrashingPort.At.AFTER);
    RotationStore store =
        CrashingPort.dyingWith(
            RotationStore.class, AccountRuns.rotationStore(clients, settings), process);
    AccountRun dying = runThrough(settings, keys, vault, store);

    assertThatThrownBy(
            () ->
                dying.run(
                    IamInventoryReader.create(clients, AuditPolicy.defaults(), clock).read(),
                    "dies"))
        .isInstanceOf(CrashingPort.SimulatedCrash.class);
    assertThat(keys("svc-crash"))
        .hasSize(2)
        .allSatisfy((id, status) -> assertThat(status).isEqualTo(KeyStatus.ACTIVE));
    assertThat(rotation("svc-crash").phase()).isEqualTo(RotationRecord.Phase.INTENT);
    String made =
        keys("svc-crash").keySet().stream()
            .filter(id -> !id.equals(oldKeys.get("svc-crash")))
            .findFirst()
            .orElseThrow();

    // The crashed run kept its lease: the next one comes after it expired.
    RunOutcome next = runAt(Duration.ofSeconds(settings.run().leaseSeconds() + 1), "next");

    assertThat(next.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    List<NoticeInbox.ReceivedNotice> notices = inbox("crash@example.com");
    if (at == CrashPoint.BEFORE_SECRET) {
      assertThat(keys("svc-crash"))
          .containsEntry(made, KeyStatus.INACTIVE)
          .containsEntry(oldKeys.get("svc-crash"), KeyStatus.ACTIVE);
      assertThat(rotation("svc-crash").phase()).isEqualTo(RotationRecord.Phase.ABANDONED);
      assertThat(rotation("svc-crash").newKeyId()).contains(made);
      assertThatThrownBy(
              () ->
                  clients
                      .secretsManager()
                      .describeSecret(r -> r.secretId("keywarden/access-keys/svc-crash")))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThat(notices)
          .singleElement()
          .satisfies(
              n ->
                  assertThat(n.body())
                      .contains("could not create a new access key")
                      .contains(made)
                      .contains("delete that key"));
    } else {
      assertThat(keys("svc-crash")).containsEntry(made, KeyStatus.ACTIVE);
      assertThat(rotation("svc-crash").phase()).isEqualTo(RotationRecord.Phase.IN_PROGRESS);
      assertThat(rotation("svc-crash").newKeyId()).contains(made);
      assertThat(useNewKeyFromItsSecret("svc-crash")).isEqualTo(made);
      assertThat(notices)
          .singleElement()
          .satisfies(
              n ->
                  assertThat(n.body())
                      .contains("What Keywarden sees")
                      .contains("- new key " + made + ": not used yet")
                      .contains("Secrets Manager secret keywarden/access-keys/svc-crash"));
    }
    assertThat(keys("svc-crash")).hasSize(2);
  }

  @Test
  void run_thatDiesAfterTheCutOverBeforeItsRecord_isFinishedByTheNextRun_andTheOwnerIsTold()
      throws Exception {
    user("svc-cut", "cut@example.com", true, false);
    startClock();
    runAt(Duration.ZERO, "day-0");
    assertThat(inbox("cut@example.com"))
        .singleElement()
        .satisfies(n -> assertThat(n.body()).contains("created a new access key"));
    String made = rotation("svc-cut").newKeyId().orElseThrow();
    lastUsed(made, days(1));
    Settings settings = settings();
    clock.set(created.plus(days(2)));
    CrashingPort.SimulatedProcess process = new CrashingPort.SimulatedProcess();
    AccessKeyGateway keys = AccessKeyGateway.create(clients);
    RotationStore store =
        CrashingPort.crashing(
            RotationStore.class,
            AccountRuns.rotationStore(clients, settings),
            process,
            "put",
            1,
            CrashingPort.At.BEFORE);
    AccountRun dying =
        runThrough(settings, keys, SecretsManagerVault.create(clients.secretsManager()), store);

    assertThatThrownBy(
            () ->
                dying.run(
                    IamInventoryReader.create(clients, AuditPolicy.defaults(), clock).read(),
                    "dies"))
        .as("the crash, told as a stop after a deactivation, since the old key went before it")
        .isInstanceOf(dev.keywarden.audit.RunInterrupted.class)
        .hasCauseInstanceOf(CrashingPort.SimulatedCrash.class);
    assertThat(keys("svc-cut")).containsEntry(oldKeys.get("svc-cut"), KeyStatus.INACTIVE);
    assertThat(rotation("svc-cut").phase()).isEqualTo(RotationRecord.Phase.IN_PROGRESS);

    RunOutcome next = runAt(days(2).plusSeconds(settings.run().leaseSeconds() + 1), "next");

    assertThat(next.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(rotation("svc-cut").phase()).isEqualTo(RotationRecord.Phase.COMPLETED);
    assertThat(keys("svc-cut")).containsEntry(made, KeyStatus.ACTIVE);
    assertThat(inbox("cut@example.com"))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.attributes()).containsEntry("kind", "deactivation-notice");
              assertThat(n.body()).contains(oldKeys.get("svc-cut"));
            });
  }

  @Test
  void secret_isEncryptedWithTheConfiguredKey_tagged_andClosedToOtherAccounts() throws Exception {
    user("svc-kms", "kms@example.com", true, false);
    startClock();
    Settings withKey =
        settings()
            .withRotation(
                new RotationSettings(
                    false, List.of(ACCOUNT), 24, Optional.of("alias/keywarden-secrets")));

    AccountRuns.create(clients, withKey, clock)
        .run(IamInventoryReader.create(clients, AuditPolicy.defaults(), clock).read(), "r");

    var secret =
        clients.secretsManager().describeSecret(r -> r.secretId("keywarden/access-keys/svc-kms"));
    assertThat(secret.kmsKeyId()).isEqualTo("alias/keywarden-secrets");
    assertThat(secret.tags())
        .extracting(t -> t.key() + "=" + t.value())
        .containsExactlyInAnyOrder("keywarden:managed=true", "keywarden:user=svc-kms");
    JsonNode policy =
        JSON.readTree(
            clients
                .secretsManager()
                .getResourcePolicy(r -> r.secretId("keywarden/access-keys/svc-kms"))
                .resourcePolicy());
    assertThat(policy.path("Statement").get(0).path("Effect").asText()).isEqualTo("Deny");
    assertThat(
            policy
                .path("Statement")
                .get(0)
                .path("Condition")
                .path("StringNotEquals")
                .path("aws:PrincipalAccount")
                .asText())
        .isEqualTo(ACCOUNT);
    assertThat(useNewKeyFromItsSecret("svc-kms"))
        .isEqualTo(rotation("svc-kms").newKeyId().orElseThrow());
  }

  @Test
  void accountThatDoesNotAllowIt_getsOrdinaryNoticesAndNoKey() throws Exception {
    user("svc-orders", "orders@example.com", true, false);
    startClock();
    Settings elsewhere =
        settings()
            .withRotation(
                new RotationSettings(false, List.of("210987654321"), 24, Optional.empty()));

    AccountRuns.create(clients, elsewhere, clock)
        .run(IamInventoryReader.create(clients, AuditPolicy.defaults(), clock).read(), "r");

    assertThat(keys("svc-orders")).hasSize(1);
    assertThat(inbox("orders@example.com"))
        .singleElement()
        .satisfies(n -> assertThat(n.attributes()).containsEntry("kind", "rotation-notice"));
    assertThat(AccountRuns.rotationStore(clients, elsewhere).all()).isEmpty();
  }
}
