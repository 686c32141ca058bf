package dev.keywarden.remediate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.aws.AccessKeyGateway;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.IamInventoryReader;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.CheckRunner;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.remediate.ActionLogEntry.Phase;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One account's expired keys, from a real inventory through the planner to IAM and back, on the
 * emulator.
 */
@WithEmulator
class DeactivationIT {
  /**
   * Emulator keys carry the current time: auditing 100 days ahead makes them expired at the default
   * 90.
   */
  private static final Duration AHEAD = Duration.ofDays(100);

  private AwsClientFactory clients;
  private AccountSeeder seed;
  private AccessKeyGateway gateway;
  private InMemoryActionLog log;
  private final java.util.List<dev.keywarden.checks.ExemptionGrant> grants =
      new java.util.ArrayList<>();

  @BeforeEach
  void connect(AwsEndpoint emulator) {
    clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                emulator.endpoint(),
                emulator.region(),
                emulator.accessKeyId(),
                emulator.secretAccessKey()));
    seed = AccountSeeder.using(clients.iam());
    gateway = AccessKeyGateway.create(clients.iam(), 3, d -> {});
    log = new InMemoryActionLog(new ArrayList<>());
  }

  @AfterEach
  void close() {
    clients.close();
  }

  private record Audit(AccountInventory inventory, AuditResult result, Instant asOf) {}

  private Audit audit() {
    AccountInventory inventory =
        IamInventoryReader.create(
                clients.iam(), clients.sts(), Clock.systemUTC(), Duration.ofSeconds(30), d -> {})
            .read();
    Instant asOf = inventory.fetchedAt().plus(AHEAD);
    return new Audit(
        inventory,
        CheckRunner.run(new CheckContext(inventory, AuditPolicy.defaults(), asOf, grants)),
        asOf);
  }

  private DeactivationReport run(Mode mode) {
    Audit audit = audit();
    String account = audit.inventory().accountId();
    DeactivationPlan plan =
        DeactivationPlanner.plan(
            account,
            audit.result(),
            audit.inventory(),
            mode,
            DeactivationPlanner.DEFAULT_CAP,
            audit.inventory().callerArn());
    return Deactivator.create(log, gateway)
        .execute(
            DeactivationRequest.builder()
                .accountId(account)
                .runId("run-1")
                .actor(audit.inventory().callerArn().orElseThrow())
                .plan(plan)
                .mode(mode)
                .actions(log.history())
                .now(audit.asOf())
                .build());
  }

  @Test
  void execute_whenDryRun_leavesTheKeyActiveAndLogsNothing() {
    seed.createUser("svc", Map.of());
    String key = seed.addAccessKey("svc");

    DeactivationReport report = run(Mode.DRY_RUN);

    assertThat(report.wouldDeactivate())
        .extracting(PlannedDeactivation::userName)
        .containsExactly("svc");
    assertThat(gateway.status("svc", key)).isEqualTo(KeyStatus.ACTIVE);
    assertThat(log.entries()).isEmpty();
  }

  @Test
  void execute_whenEnforce_deactivatesTheExpiredKeyAndLogsIntentAndResult() {
    seed.createUser("svc", Map.of());
    String key = seed.addAccessKey("svc");

    DeactivationReport report = run(Mode.ENFORCE);

    assertThat(gateway.status("svc", key)).isEqualTo(KeyStatus.INACTIVE);
    assertThat(report.deactivated()).extracting(DeactivatedKey::accessKeyId).containsExactly(key);
    assertThat(log.entries())
        .extracting(ActionLogEntry::phase)
        .containsExactly(Phase.INTENT, Phase.RESULT);
    assertThat(log.entries(Phase.RESULT).get(0).outcome()).contains("deactivated");
  }

  @Test
  void execute_whenUserGrantedAnExemption_leavesItsKeyActive() {
    seed.createUser("legacy", Map.of());
    String exempt = seed.addAccessKey("legacy");
    grants.add(
        new dev.keywarden.checks.ExemptionGrant(
            audit().inventory().accountId(),
            "legacy",
            java.time.LocalDate.parse("2099-12-31"),
            "vendor appliance, replaced in Q3",
            java.util.Set.of(),
            "security",
            Instant.now()));
    seed.createUser("svc", Map.of());
    String key = seed.addAccessKey("svc");

    run(Mode.ENFORCE);

    assertThat(gateway.status("legacy", exempt)).isEqualTo(KeyStatus.ACTIVE);
    assertThat(gateway.status("svc", key)).isEqualTo(KeyStatus.INACTIVE);
  }

  @Test
  void execute_whenUserOnlyTaggedItselfExempt_deactivatesItsKey() {
    seed.createUser(
        "legacy",
        Map.of(
            AuditPolicy.EXEMPT_UNTIL_TAG,
            "9999-12-31",
            AuditPolicy.EXEMPT_REASON_TAG,
            "vendor appliance, replaced in Q3"));
    String tagged = seed.addAccessKey("legacy");

    run(Mode.ENFORCE);

    assertThat(gateway.status("legacy", tagged)).isEqualTo(KeyStatus.INACTIVE);
  }

  @Test
  void reactivate_afterEnforce_turnsTheKeyBackOnAndLogsIt() {
    seed.createUser("svc", Map.of());
    String key = seed.addAccessKey("svc");
    run(Mode.ENFORCE);

    Reactivator.create(log, gateway)
        .reactivate(
            log.entries().get(0).accountId(),
            "svc",
            key,
            "batch job outage",
            "operator",
            Instant.parse("2030-01-01T00:00:00Z"));

    assertThat(gateway.status("svc", key)).isEqualTo(KeyStatus.ACTIVE);
    assertThat(log.entries(Phase.RESULT))
        .extracting(e -> e.outcome().orElseThrow())
        .containsExactly("deactivated", "reactivated");
  }

  @Test
  void execute_whenRunTwice_deactivatesOnceAndWritesNoMoreEntries() {
    seed.createUser("svc", Map.of());
    seed.addAccessKey("svc");
    run(Mode.ENFORCE);

    DeactivationReport second = run(Mode.ENFORCE);

    assertThat(second.deactivated()).isEmpty();
    assertThat(log.entries()).hasSize(2);
  }
}
