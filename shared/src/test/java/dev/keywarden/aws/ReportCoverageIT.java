package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.audit.RunOutcome;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.CheckRunner;
import dev.keywarden.checks.Finding;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.findings.IsoWeek;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;

/**
 * A credential report older than some of the account's users, on the emulator: a user created (or
 * deleted) right after the reader downloads the report, through the emulator's own IAM.
 *
 * <p>Moto builds its report from the users of the moment at each download and says it was generated
 * at 2015-02-02T20:02:02Z. A clock within four hours of that is a report IAM would serve again; a
 * later clock is one IAM would regenerate.
 */
@WithEmulator
class ReportCoverageIT {
  private static final Instant MOTO_GENERATED = Instant.parse("2015-02-02T20:02:02Z");
  private static final Instant FRESH = MOTO_GENERATED.plus(Duration.ofHours(1));
  private static final Instant OLD = MOTO_GENERATED.plus(Duration.ofHours(4));

  /** What to do to the account after each credential report download, in turn. */
  private final Deque<Runnable> afterDownload = new ArrayDeque<>();

  private CallCounter calls;
  private AwsClientFactory clients;
  private AwsClientFactory setup;
  private AccountSeeder seed;

  @BeforeEach
  void connect(AwsEndpoint emulator) {
    ClientSettings settings = EmulatorClients.settings(emulator);
    setup = AwsClientFactory.create(settings);
    seed = AccountSeeder.using(setup.iam());
    calls = CallCounter.create();
    ExecutionInterceptor changeAfterDownload =
        new ExecutionInterceptor() {
          @Override
          public void afterExecution(
              Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.response() instanceof GetCredentialReportResponse
                && !afterDownload.isEmpty()) {
              afterDownload.poll().run();
            }
          }
        };
    clients = AwsClientFactory.create(settings, calls, changeAfterDownload);
  }

  @AfterEach
  void close() {
    clients.close();
    setup.close();
  }

  private AccountInventory read(Instant now) {
    return IamInventoryReader.create(
            clients.iam(),
            clients.sts(),
            Clock.fixed(now, ZoneOffset.UTC),
            Duration.ofSeconds(30),
            d -> {})
        .read();
  }

  private static AuditResult audit(AccountInventory inventory, Instant now) {
    return CheckRunner.run(new CheckContext(inventory, AuditPolicy.defaults(), now));
  }

  private long reportDownloads() {
    return calls.snapshot().getOrDefault("Iam:GetCredentialReport", 0L);
  }

  private void deleteUser(String name) {
    setup
        .iam()
        .listAccessKeys(r -> r.userName(name))
        .accessKeyMetadata()
        .forEach(
            k -> setup.iam().deleteAccessKey(r -> r.userName(name).accessKeyId(k.accessKeyId())));
    setup.iam().deleteUser(r -> r.userName(name));
  }

  @Test
  void read_whenUserCreatedAfterAReportIamWouldServeAgain_keepsTheReportAndTheAuditNamesTheUser() {
    seed.createUser("alice", Map.of());
    afterDownload.add(() -> seed.createUser("late", Map.of()));

    AccountInventory inventory = read(FRESH);

    assertThat(inventory.credentialReport().users())
        .extracting(CredentialReportRow::user)
        .containsExactly("alice");
    assertThat(inventory.authorization().orElseThrow().users()).containsKeys("alice", "late");
    assertThat(reportDownloads())
        .as("no regeneration of a report under four hours old")
        .isEqualTo(1);
    assertThat(audit(inventory, FRESH).findings())
        .filteredOn(f -> f.checkId().equals("inventory-gap"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.principal()).isEqualTo("late");
              assertThat(f.message()).contains("no row in the credential report");
            });
  }

  @Test
  void run_whenTheReportLacksAUser_recordsTheGapInTheRunSummaryTheWeeklyReportReads() {
    DynamoAccountStateStore.createTable(setup.dynamoDb(), "keywarden-findings");
    seed.createUser("alice", Map.of());
    afterDownload.add(() -> seed.createUser("late", Map.of()));
    MutableClock clock = new MutableClock(FRESH);
    AccountInventory inventory = read(FRESH);

    RunOutcome outcome =
        AccountRuns.create(clients, Settings.defaults(), clock).run(inventory, "run-gap");

    assertThat(outcome.result().orElseThrow().findings())
        .filteredOn(f -> f.checkId().equals("inventory-gap"))
        .extracting(Finding::principal)
        .containsExactly("late");
    assertThat(outcome.summary().orElseThrow().openByCheck()).containsEntry("inventory-gap", 1);
    assertThat(AccountRuns.store(clients, Settings.defaults()).summariesForWeek(IsoWeek.of(FRESH)))
        .singleElement()
        .satisfies(summary -> assertThat(summary.openByCheck()).containsEntry("inventory-gap", 1));
  }

  @Test
  void read_whenUserCreatedAfterAReportFourHoursOld_regeneratesOnceAndJudgesTheUser() {
    seed.createUser("alice", Map.of());
    afterDownload.add(
        () -> {
          seed.createUser("late", Map.of());
          seed.addAccessKey("late");
        });

    AccountInventory inventory = read(OLD);

    assertThat(inventory.credentialReport().users())
        .extracting(CredentialReportRow::user)
        .containsExactly("alice", "late");
    assertThat(reportDownloads()).isEqualTo(2);
    AuditResult result = audit(inventory, OLD);
    assertThat(result.findings()).extracting(Finding::checkId).doesNotContain("inventory-gap");
    assertThat(result.findings())
        .filteredOn(f -> f.principal().equals("late"))
        .extracting(Finding::checkId)
        .contains("owner-missing");
  }

  @Test
  void read_whenUsersKeepArriving_regeneratesAtMostOnceAndReadsIamUsersOnce() {
    afterDownload.add(() -> seed.createUser("first-late", Map.of()));
    afterDownload.add(() -> seed.createUser("second-late", Map.of()));
    afterDownload.add(() -> seed.createUser("third-late", Map.of()));

    AccountInventory inventory = read(OLD);

    assertThat(reportDownloads()).isEqualTo(2);
    assertThat(calls.snapshot().get("Iam:GetAccountAuthorizationDetails")).isEqualTo(1);
    assertThat(inventory.credentialReport().users())
        .extracting(CredentialReportRow::user)
        .containsExactly("first-late");
    assertThat(audit(inventory, OLD).findings())
        .extracting(Finding::checkId)
        .doesNotContain("inventory-gap");
  }

  @Test
  void read_whenUserDeletedAfterTheReport_theAuditNamesItAndSetsItsRowsFindingsAside() {
    seed.createUser("alice", Map.of());
    seed.addAccessKey("alice");
    seed.createUser("gone", Map.of());
    seed.addAccessKey("gone");
    afterDownload.add(() -> deleteUser("gone"));

    AccountInventory inventory = read(OLD);

    assertThat(inventory.credentialReport().users())
        .extracting(CredentialReportRow::user)
        .contains("gone");
    assertThat(reportDownloads())
        .as("nothing is missing from the report, so it is not generated again")
        .isEqualTo(1);
    AuditResult result = audit(inventory, OLD);
    assertThat(result.findings())
        .filteredOn(f -> f.principal().equals("gone"))
        .extracting(Finding::checkId)
        .containsExactly("inventory-gap");
    assertThat(result.findings())
        .filteredOn(f -> f.principal().equals("alice"))
        .extracting(Finding::checkId)
        .contains("owner-missing");
  }
}
