package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.audit.AccountRun;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.checks.CheckCatalog;
import dev.keywarden.checks.ExemptionGrant;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.SecurityHubSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import dev.keywarden.faults.FaultProxy;
import dev.keywarden.faults.FaultProxy.Fault;
import dev.keywarden.faults.FaultProxy.Rule;
import dev.keywarden.faults.FaultProxy.When;
import dev.keywarden.securityhub.SecurityHubExport;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

/**
 * One account's findings through their whole life in Security Hub, read back with {@code
 * GetFindings} after every run: new, still open (nothing sent), resolved (archived), exempt
 * (suppressed, with the reason), reopened (new again); once against the emulator and once through a
 * {@link FaultProxy}, which must end with the same findings in Security Hub and no duplicates.
 */
@WithEmulator
class SecurityHubExportIT {
  private static final String TABLE = "keywarden-findings";
  private static final String USER = "svc-payments";
  private static final String OWNER = "payments-team@example.com";
  private static final String KEY_ROTATION_DUE = "key-rotation-due";

  private AwsEndpoint endpoint;
  private AwsClientFactory direct;
  private CallCounter calls;
  private SecurityHubSettings product;
  private MutableClock clock;
  private Instant created;
  private String keyId;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    this.endpoint = endpoint;
    calls = CallCounter.create();
    direct = EmulatorClients.of(endpoint, calls);
    DynamoAccountStateStore.createTable(direct.dynamoDb(), TABLE);
    direct.securityHub().enableSecurityHub(r -> r.enableDefaultStandards(false));
    String account = direct.sts().getCallerIdentity().account();
    product = SecurityHubSettings.forAccount(account, endpoint.region());
    direct
        .iam()
        .createUser(
            r ->
                r.userName(USER)
                    .tags(
                        Tag.builder().key("owner").value(OWNER).build(),
                        Tag.builder().key(AuditPolicy.MAX_KEY_AGE_TAG).value("30").build()));
    keyId = direct.iam().createAccessKey(r -> r.userName(USER)).accessKey().accessKeyId();
    clock = new MutableClock(Instant.now());
    created =
        IamInventoryReader.create(direct, AuditPolicy.defaults(), clock)
            .read()
            .credentialReport()
            .users()
            .get(0)
            .accessKeys()
            .get(0)
            .lastRotated()
            .orElseThrow();
    clock.set(created.plus(Duration.ofDays(20)));
  }

  @AfterEach
  void close() {
    direct.close();
    if (directClients != null) {
      directClients.close();
    }
  }

  @Test
  void life_readsBackEachStateFromSecurityHub_andAStillOpenRunSendsNothing() {
    Life life = live(direct);

    Step first = life.steps().get(0);
    assertThat(first.report().calls()).isEqualTo(1);
    assertThat(first.findings()).containsEntry(KEY_ROTATION_DUE, "ACTIVE NEW FAILED");
    assertThat(first.findings())
        .hasSizeGreaterThan(1)
        .allSatisfy((check, state) -> assertThat(state).isEqualTo("ACTIVE NEW FAILED"));
    assertThat(first.sent()).isEqualTo(first.findings().size());

    Step stillOpen = life.steps().get(1);
    assertThat(stillOpen.report().changed()).as("nothing changed, nothing sent").isZero();
    assertThat(stillOpen.report().calls()).isZero();
    assertThat(stillOpen.findings()).isEqualTo(first.findings());

    Step resolved = life.steps().get(2);
    assertThat(resolved.findings()).containsEntry(KEY_ROTATION_DUE, "ARCHIVED RESOLVED PASSED");
    assertThat(resolved.findings()).hasSameSizeAs(first.findings());
    assertThat(resolved.report().sent())
        .as("only the findings that changed are sent")
        .isEqualTo(resolved.changedSince(stillOpen));
    // The emulator does not implement BatchUpdateFindings: the workflow change is tried once,
    // refused as
    // unknown and kept pending. The emulator shows RESOLVED only because it applies the import's
    // Workflow
    // to a finding it holds, which Security Hub does not.
    assertThat(first.workflow()).isEqualTo(new SecurityHubExport.WorkflowReport(0, 0, 0, 0, false));
    assertThat(resolved.workflow())
        .isEqualTo(new SecurityHubExport.WorkflowReport(1, 0, 1, 1, true));

    Step exempt = life.steps().get(3);
    assertThat(exempt.findings()).containsEntry(KEY_ROTATION_DUE, "ACTIVE SUPPRESSED FAILED");
    AwsSecurityFinding suppressed = exempt.raw().get(KEY_ROTATION_DUE);
    assertThat(suppressed.note().text()).contains("migrating to roles").contains("2099-12-31");
    assertThat(exempt.workflow())
        .as("still pending: NEW was the last workflow confirmed")
        .isEqualTo(new SecurityHubExport.WorkflowReport(1, 0, 1, 1, true));
    assertThat(suppressed.userDefinedFields())
        .containsEntry(
            "keywarden/exemptReason",
            "migrating to roles (granted by arn:aws:iam::123456789012:role/security-team)")
        .containsEntry("keywarden/exemptUntil", "2099-12-31")
        .containsEntry("keywarden/owner", OWNER);

    Step reopened = life.steps().get(4);
    assertThat(reopened.findings()).containsEntry(KEY_ROTATION_DUE, "ACTIVE NEW FAILED");
    assertThat(reopened.findings()).isEqualTo(first.findings());
    assertThat(reopened.workflow())
        .as("back to NEW, the workflow last confirmed: nothing to update")
        .isEqualTo(new SecurityHubExport.WorkflowReport(0, 0, 0, 0, false));

    AwsSecurityFinding key = reopened.raw().get(KEY_ROTATION_DUE);
    String account = direct.sts().getCallerIdentity().account();
    assertThat(key.productArn()).isEqualTo(product.productArn());
    assertThat(key.awsAccountId()).isEqualTo(account);
    assertThat(key.generatorId()).isEqualTo("keywarden/" + KEY_ROTATION_DUE);
    assertThat(key.id())
        .isEqualTo(
            "keywarden/"
                + account
                + "/"
                + KEY_ROTATION_DUE
                + "/arn:aws:iam::"
                + account
                + ":user/"
                + USER
                + "#access_key_1");
    assertThat(key.resources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.type()).isEqualTo("AwsIamAccessKey");
              assertThat(r.details().awsIamAccessKey().principalName()).isEqualTo(USER);
            });
    assertThat(key.severity().label().toString())
        .isEqualTo(CheckCatalog.byId(KEY_ROTATION_DUE).orElseThrow().metadata().severity().name());
    assertThat(key.compliance().relatedRequirements())
        .contains("CIS AWS Foundations Benchmark v3.0.0/1.14");
    assertThat(key.remediation().recommendation().text()).isNotBlank();
  }

  @Test
  void life_throughThrottlingAndLostAnswers_endsWithTheSameFindingsInSecurityHubAndNoDuplicates()
      throws Exception {
    Life clean = live(direct);
    direct.close();
    endpointReset();
    assertThat(read(null, 0).findings()).as("Security Hub starts empty again").isEmpty();

    try (FaultProxy proxy =
            FaultProxy.start(
                endpoint.endpoint(),
                20261202L,
                Duration.ofMillis(20),
                List.of(
                    new Rule(
                        op -> op.startsWith("securityhub:POST /findings/import"),
                        Fault.RESET,
                        When.AFTER_FORWARDING,
                        0.40),
                    new Rule(
                        op -> op.startsWith("securityhub:"),
                        Fault.THROTTLE,
                        When.BEFORE_FORWARDING,
                        0.30),
                    Rule.everyCall(Fault.THROTTLE, When.BEFORE_FORWARDING, 0.10),
                    Rule.everyCall(Fault.SERVER_ERROR, When.BEFORE_FORWARDING, 0.03)));
        AwsClientFactory through = EmulatorClients.through(endpoint, proxy.endpoint())) {
      Life faulty = live(through);

      System.out.printf(
          "Security Hub life through faults: %d faults %s%n",
          proxy.injectedTotal(), proxy.injected());
      assertThat(proxy.injected().keySet()).anyMatch(k -> k.startsWith("securityhub:"));
      for (int i = 0; i < clean.steps().size(); i++) {
        assertThat(faulty.steps().get(i).findings())
            .as("step %d", i)
            .isEqualTo(clean.steps().get(i).findings());
        assertThat(faulty.steps().get(i).ids())
            .as("step %d: no duplicate", i)
            .doesNotHaveDuplicates();
      }
    }
  }

  @Test
  void notAudited_sendsTheAccountNotAuditedFindingAndLeavesTheOthersAsTheyWere() {
    Step audited = step(direct);
    String account = direct.sts().getCallerIdentity().account();
    Settings settings = settings();
    SecurityHubExport export = AccountRuns.securityHubExport(direct, settings, product);
    AccountRun.builder()
        .settings(settings)
        .store(AccountRuns.store(direct, settings))
        .keys(AccessKeyGateway.create(direct))
        .clock(clock)
        .export(export)
        .build()
        .notAudited(account, "run-denied", "AccessDenied on sts:AssumeRole");

    Step after = read(export.lastReport(), export.lastReport().sent());
    assertThat(export.lastReport().sent()).isEqualTo(1);
    assertThat(after.findings())
        .containsEntry("account-not-audited", "ACTIVE NEW FAILED")
        .hasSize(audited.findings().size() + 1);
    assertThat(after.raw().get(KEY_ROTATION_DUE).userDefinedFields())
        .containsEntry("keywarden/owner", OWNER);
    assertThat(after.raw().get("account-not-audited").resources())
        .singleElement()
        .satisfies(r -> assertThat(r.type()).isEqualTo("AwsAccount"));
  }

  /** What Security Hub held after one step, by check id (one finding per check in this account). */
  private record Step(
      SecurityHubExport.Report report,
      SecurityHubExport.WorkflowReport workflow,
      int sent,
      Map<String, String> findings,
      Map<String, AwsSecurityFinding> raw,
      List<String> ids) {
    int changedSince(Step before) {
      int n = 0;
      for (Map.Entry<String, String> e : findings.entrySet()) {
        if (!e.getValue().equals(before.findings().get(e.getKey()))) {
          n++;
        }
      }
      return n;
    }
  }

  private record Life(List<Step> steps) {}

  /**
   * New (day 20: ten days left), still open (the same day again), resolved (key deactivated),
   * exempt (key active again, user exempted by a central grant), reopened (grant revoked).
   */
  private Life live(AwsClientFactory clients) {
    List<Step> steps = new ArrayList<>();
    steps.add(step(clients));
    steps.add(step(clients));
    direct()
        .iam()
        .updateAccessKey(r -> r.userName(USER).accessKeyId(keyId).status(StatusType.INACTIVE));
    steps.add(step(clients));
    direct()
        .iam()
        .updateAccessKey(r -> r.userName(USER).accessKeyId(keyId).status(StatusType.ACTIVE));
    // The security team grants the exemption centrally; a user's own tags alone exempt nobody.
    String accountId = direct().sts().getCallerIdentity().account();
    AccountRuns.grants(direct(), settings())
        .grant(
            new ExemptionGrant(
                accountId,
                USER,
                LocalDate.parse("2099-12-31"),
                "migrating to roles",
                Set.of(),
                "arn:aws:iam::" + accountId + ":role/security-team",
                clock.instant()));
    steps.add(step(clients));
    AccountRuns.grants(direct(), settings())
        .revoke(
            accountId, USER, "arn:aws:iam::" + accountId + ":role/security-team", clock.instant());
    steps.add(step(clients));
    return new Life(steps);
  }

  private AwsClientFactory directClients;

  /** Clients straight to the emulator for arranging, even while a life runs through the proxy. */
  private AwsClientFactory direct() {
    if (directClients == null) {
      directClients = EmulatorClients.of(endpoint);
    }
    return directClients;
  }

  /**
   * One run of the account, repeated (as the audit queue would deliver it again) while it fails or
   * leaves findings pending, then Security Hub read back.
   */
  private Step step(AwsClientFactory clients) {
    Settings settings = settings();
    int sent = 0;
    SecurityHubExport.Report first = null;
    SecurityHubExport.WorkflowReport firstWorkflow = null;
    for (int attempt = 1; attempt <= 10; attempt++) {
      SecurityHubExport export = AccountRuns.securityHubExport(clients, settings, product);
      AccountRun run =
          AccountRun.builder()
              .settings(settings)
              .store(AccountRuns.store(clients, settings))
              .keys(AccessKeyGateway.create(clients))
              .clock(clock)
              .export(export)
              .grants(AccountRuns.grants(clients, settings))
              .build();
      RunOutcome outcome;
      try {
        outcome =
            run.run(
                IamInventoryReader.create(clients, AuditPolicy.defaults(), clock).read(),
                "run-" + System.nanoTime());
      } catch (RuntimeException e) {
        clock.set(clock.instant().plusSeconds(settings.run().leaseSeconds() + 1));
        continue;
      }
      if (outcome.status() != RunOutcome.Status.COMPLETED) {
        clock.set(clock.instant().plusSeconds(settings.run().leaseSeconds() + 1));
        continue;
      }
      SecurityHubExport.Report report = export.lastReport();
      firstWorkflow = first == null ? export.lastWorkflowReport() : firstWorkflow;
      first = first == null ? report : first;
      sent += report.sent();
      if (report.pending() == 0) {
        break;
      }
    }
    assertThat(first).as("a run completed").isNotNull();
    return read(first, firstWorkflow, sent);
  }

  private Step read(SecurityHubExport.Report report, int sent) {
    return read(report, null, sent);
  }

  private Step read(
      SecurityHubExport.Report report, SecurityHubExport.WorkflowReport workflow, int sent) {
    List<AwsSecurityFinding> all = new ArrayList<>();
    direct()
        .securityHub()
        .getFindingsPaginator(r -> r.maxResults(100))
        .findings()
        .forEach(all::add);
    Map<String, String> states = new TreeMap<>();
    Map<String, AwsSecurityFinding> raw = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (AwsSecurityFinding f : all) {
      String check = f.generatorId().substring("keywarden/".length());
      states.put(
          check,
          f.recordStateAsString()
              + " "
              + f.workflow().statusAsString()
              + " "
              + f.compliance().statusAsString());
      raw.put(check, f);
      ids.add(f.id());
    }
    assertThat(ids).as("no finding twice").doesNotHaveDuplicates();
    assertThat(states).as("one finding per check here").hasSize(ids.size());
    return new Step(report, workflow, sent, states, raw, ids);
  }

  /** A fresh emulator with the same account as before the clean life. */
  private void endpointReset() {
    MotoServer.shared().reset();
    if (directClients != null) {
      directClients.close();
      directClients = null;
    }
    arrange(endpoint);
  }

  private Settings settings() {
    return new Settings(
        AuditPolicy.defaults(),
        RunSettingsFor.run(true, 20, TABLE, Optional.empty(), Optional.empty()));
  }
}
