package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.audit.RunOutcome;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.remediate.KeyStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two keys of one user created in the same second, both active in IAM while the credential report
 * read by the run still shows the second one inactive (it was turned on again after the report):
 * only the first is condemned, and the last-used dates tell which key id it is. Keys are dated and
 * their last use set with the emulator's test fixtures, so this class runs its own emulator.
 */
class SameSecondKeysIT extends OwnFixturedEmulator {
  private static final String USER = "svc-twins";
  private MutableClock clock;
  private String first;
  private String second;
  private Instant made;

  @BeforeEach
  void arrange() {
    AccountSeeder seeder = AccountSeeder.using(clients.iam());
    seeder.createUser(USER, Map.of("owner", "twins@example.com"));
    first = seeder.addAccessKey(USER);
    second = seeder.addAccessKey(USER);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    made = now.minus(Duration.ofDays(100));
    server.setAccessKeyCreated(first, made);
    server.setAccessKeyCreated(second, made);
    clock = new MutableClock(now);
  }

  private Settings settings() {
    return new Settings(
        AuditPolicy.defaults(), RunSettingsFor.enforcing(Optional.empty(), Optional.empty()));
  }

  /** The report with the second key inactive, then the second key turned on again. */
  private AccountInventory staleReport() {
    AccessKeyGateway gateway = AccessKeyGateway.create(clients);
    gateway.deactivate(USER, second);
    AccountInventory inventory =
        IamInventoryReader.create(clients, AuditPolicy.defaults(), clock).read();
    gateway.reactivate(USER, second);
    return inventory;
  }

  private KeyStatus status(String keyId) {
    return AccessKeyGateway.create(clients).status(USER, keyId);
  }

  @Test
  void run_whenLastUseTellsTheTwinsApart_deactivatesOnlyTheCondemnedKey() {
    server.setAccessKeyLastUsed(first, made.plus(Duration.ofDays(3)), "sts", "us-east-1");
    server.setAccessKeyLastUsed(second, made.plus(Duration.ofDays(5)), "s3", "us-east-1");
    AccountInventory inventory = staleReport();

    RunOutcome outcome = AccountRuns.create(clients, settings(), clock).run(inventory, "run-1");

    assertThat(outcome.deactivation().orElseThrow().failed()).isEmpty();
    assertThat(outcome.deactivation().orElseThrow().deactivated())
        .singleElement()
        .satisfies(k -> assertThat(k.accessKeyId()).isEqualTo(first));
    assertThat(status(first)).isEqualTo(KeyStatus.INACTIVE);
    assertThat(status(second)).isEqualTo(KeyStatus.ACTIVE);
  }

  @Test
  void run_whenNeitherTwinWasEverUsed_touchesNoKeyAndRaisesAHighFinding() {
    AccountInventory inventory = staleReport();

    RunOutcome outcome = AccountRuns.create(clients, settings(), clock).run(inventory, "run-2");

    assertThat(outcome.deactivation().orElseThrow().failed())
        .singleElement()
        .asString()
        .contains("last-used dates do not tell them apart");
    assertThat(status(first)).isEqualTo(KeyStatus.ACTIVE);
    assertThat(status(second)).isEqualTo(KeyStatus.ACTIVE);
    assertThat(
            AccountRuns.store(clients, settings())
                .findings(outcome.accountId(), Optional.of(FindingStatus.OPEN)))
        .filteredOn(f -> f.checkId().equals("deactivation-failed"))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(dev.keywarden.checks.Severity.HIGH));
  }
}
