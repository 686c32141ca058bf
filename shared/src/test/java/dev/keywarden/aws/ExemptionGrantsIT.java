package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.audit.RunOutcome;
import dev.keywarden.checks.ExemptionGrant;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.remediate.KeyStatus;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exemptions on the emulator: only a central grant exempts; a user's own tags are a request. */
@WithEmulator
class ExemptionGrantsIT {
  private static final String USER = "svc-vendor";
  private static final String SECURITY = "arn:aws:iam::123456789012:role/security-team";

  private AwsClientFactory clients;
  private CallCounter calls;
  private DynamoExemptionGrants grants;
  private String keyId;
  private Instant created;
  private MutableClock clock;
  private String accountId;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    calls = CallCounter.create();
    clients = EmulatorClients.of(endpoint, calls);
    DynamoAccountStateStore.createTable(clients.dynamoDb(), "keywarden-findings");
    grants = AccountRuns.grants(clients, settings());
    AccountSeeder seeder = AccountSeeder.using(clients.iam());
    seeder.createUser(
        USER,
        Map.of(
            "owner",
            "vendor-team@example.com",
            AuditPolicy.MAX_KEY_AGE_TAG,
            "30",
            AuditPolicy.EXEMPT_UNTIL_TAG,
            "9999-12-31",
            AuditPolicy.EXEMPT_REASON_TAG,
            "we are special"));
    keyId = seeder.addAccessKey(USER);
    clock = new MutableClock(Instant.now());
    AccountInventory inventory = read();
    accountId = inventory.accountId();
    created =
        inventory.credentialReport().users().get(0).accessKeys().get(0).lastRotated().orElseThrow();
  }

  @AfterEach
  void close() {
    clients.close();
  }

  private static Settings settings() {
    return new Settings(
        AuditPolicy.defaults(), RunSettingsFor.enforcing(Optional.empty(), Optional.empty()));
  }

  private AccountInventory read() {
    return IamInventoryReader.create(clients, AuditPolicy.defaults(), clock).read();
  }

  private RunOutcome runOnDay(int day) {
    clock.set(created.plus(Duration.ofDays(day)));
    AccountInventory inventory = read();
    calls.reset();
    return AccountRuns.create(clients, settings(), clock)
        .run(inventory, "run-" + day + "-" + System.nanoTime());
  }

  private ExemptionGrant grant(String user, int days, Set<String> checks) {
    return new ExemptionGrant(
        accountId,
        user,
        LocalDate.ofInstant(created.plus(Duration.ofDays(days)), ZoneOffset.UTC),
        "vendor appliance, ticket SEC-42",
        checks,
        SECURITY,
        created);
  }

  private KeyStatus status() {
    return AccessKeyGateway.create(clients).status(USER, keyId);
  }

  @Test
  void run_whenUserTaggedItselfExemptWithoutGrant_deactivatesAndShowsTheRequest() {
    RunOutcome outcome = runOnDay(31);

    assertThat(status()).isEqualTo(KeyStatus.INACTIVE);
    assertThat(
            AccountRuns.store(clients, settings())
                .findings(outcome.accountId(), Optional.of(FindingStatus.OPEN)))
        .extracting(StoredFinding::checkId)
        .contains("exemption-requested");
  }

  @Test
  void run_whenGranted_leavesTheKeyActiveAndReadsGrantsWithOneQuery() {
    grants.grant(grant(USER, 60, Set.of()));

    RunOutcome outcome = runOnDay(31);
    Map<String, Long> runCalls = Map.copyOf(calls.snapshot());

    assertThat(status()).isEqualTo(KeyStatus.ACTIVE);
    assertThat(
            AccountRuns.store(clients, settings())
                .findings(outcome.accountId(), Optional.of(FindingStatus.EXEMPT)))
        .extracting(StoredFinding::checkId)
        .contains("key-expired");
    assertThat(
            AccountRuns.store(clients, settings())
                .findings(outcome.accountId(), Optional.of(FindingStatus.OPEN)))
        .extracting(StoredFinding::checkId)
        .doesNotContain("exemption-requested");
    assertThat(runCalls)
        .as("four queries of the account's state and one of its grants")
        .containsEntry("DynamoDb:Query", 5L);
  }

  @Test
  void run_whenGrantEnded_deactivates() {
    grants.grant(grant(USER, 20, Set.of()));

    runOnDay(31);

    assertThat(status()).isEqualTo(KeyStatus.INACTIVE);
  }

  @Test
  void run_whenGrantCoversOtherChecksOnly_deactivates() {
    grants.grant(grant(USER, 60, Set.of("key-unused")));

    runOnDay(31);

    assertThat(status()).isEqualTo(KeyStatus.INACTIVE);
  }

  @Test
  void revoke_recordsWhoAndEndsTheExemption() {
    grants.grant(grant(USER, 60, Set.of()));
    grants.grant(grant("other-user", 60, Set.of("key-expired")));

    Optional<ExemptionGrant> revoked =
        grants.revoke(accountId, USER, "arn:aws:iam::123456789012:user/ana", clock.instant());

    assertThat(revoked).map(ExemptionGrant::userName).contains(USER);
    assertThat(grants.forAccount(accountId))
        .extracting(ExemptionGrant::userName)
        .containsExactly("other-user");
    assertThat(grants.all()).extracting(ExemptionGrant::userName).containsExactly("other-user");
    assertThat(grants.revoke(accountId, USER, "again", clock.instant())).isEmpty();
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item =
        clients
            .dynamoDb()
            .getItem(
                r ->
                    r.tableName("keywarden-findings")
                        .key(FindingsTableItems.key(accountId, "GRANT#" + USER)))
            .item();
    assertThat(item.get("revokedBy").s()).isEqualTo("arn:aws:iam::123456789012:user/ana");
    assertThat(item.get("grantedBy").s()).isEqualTo(SECURITY);
  }

  @Test
  void grant_roundTripsEveryField() {
    ExemptionGrant grant = grant(USER, 60, Set.of("key-expired", "key-rotation-due"));
    grants.grant(grant);

    assertThat(grants.forAccount(accountId)).containsExactly(grant);
    assertThat(grants.forAccount("999999999999")).isEmpty();
  }
}
