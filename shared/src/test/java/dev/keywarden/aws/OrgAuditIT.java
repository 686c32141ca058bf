package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.KeywardenException;
import dev.keywarden.audit.AuditRequest;
import dev.keywarden.audit.DispatchResult;
import dev.keywarden.audit.OrgAuditor;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.config.OrgSettings;
import dev.keywarden.config.RunSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Organization-wide audit on the emulator: accounts listed through Organizations, entered
 * through their audit role, findings and notices kept per account; and, with the emulator's IAM
 * enforcement on, a member without the role recorded as not audited while the others complete.
 */
@WithEmulator
class OrgAuditIT {
  private static final String TABLE = "keywarden-findings";

  private AwsEndpoint endpoint;
  private AwsClientFactory management;
  private EmulatedOrganization org;
  private List<String> members;
  private String topicArn;
  private Clock clock;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    this.endpoint = endpoint;
    management =
        AwsClientFactory.create(settingsFor(endpoint.accessKeyId(), endpoint.secretAccessKey()));
    DynamoAccountStateStore.createTable(management.dynamoDb(), TABLE);
    topicArn = management.sns().createTopic(r -> r.name("keywarden-notices")).topicArn();
    org = EmulatedOrganization.create(management);
    members = org.createAccounts("member", 3);
    // Keys are made now and due for rotation after 30 days: on day 20 each owner hears of them.
    clock = Clock.fixed(Instant.now().plus(Duration.ofDays(20)), ZoneOffset.UTC);
  }

  @AfterEach
  void close() {
    management.close();
  }

  private ClientSettings settingsFor(String accessKeyId, String secret) {
    return ClientSettings.forEndpoint(endpoint.endpoint(), endpoint.region(), accessKeyId, secret)
        .withMaxAttempts(2);
  }

  private Settings settings(OrgSettings orgSettings) {
    return new Settings(
        dev.keywarden.config.AuditPolicy.defaults(),
        RunSettingsFor.run(
            false,
            RunSettings.defaults().deactivationCap(),
            TABLE,
            Optional.of(topicArn),
            Optional.empty()),
        orgSettings);
  }

  private OrgSettings membersOnly() {
    return new OrgSettings(
        OrgSettings.DEFAULT_AUDIT_ROLE_NAME,
        Optional.of(EmulatedOrganization.EXTERNAL_ID),
        List.of(),
        List.of(),
        List.of(),
        List.of(org.managementAccountId()),
        Optional.empty());
  }

  private DynamoAccountStateStore store() {
    return AccountRuns.store(management, settings(OrgSettings.defaults()));
  }

  private static String owner(int i) {
    return "owner-" + i + "@example.com";
  }

  /** Dispatches into a list and audits each request in turn, as the queue and the auditor would. */
  private static Map<String, RunOutcome> dispatchAndAudit(OrgAuditor auditor, String runId) {
    List<AuditRequest> queue = new ArrayList<>();
    auditor.dispatch(runId, queue::addAll);
    return queue.stream()
        .map(auditor::audit)
        .collect(Collectors.toMap(RunOutcome::accountId, Function.identity()));
  }

  @Test
  void audit_dailyRun_auditsEveryMemberThroughItsRoleAndKeepsFindingsAndNoticesPerAccount()
      throws Exception {
    List<NoticeInbox> inboxes = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      org.createAuditRole(members.get(i), "arn:aws:iam::" + org.managementAccountId() + ":root");
      org.createServiceUser(members.get(i), "svc-" + i, owner(i));
      inboxes.add(NoticeInbox.subscribe(management, topicArn, owner(i)));
    }
    OrgAuditor auditor = OrgAuditors.create(settings(membersOnly()), management, clock);

    Map<String, RunOutcome> outcomes = dispatchAndAudit(auditor, "daily-1");

    assertThat(outcomes).containsOnlyKeys(members);
    assertThat(outcomes.values())
        .extracting(RunOutcome::status)
        .containsOnly(RunOutcome.Status.COMPLETED);
    assertThat(store().run("daily-1").orElseThrow().accountIds())
        .containsExactlyElementsOf(members.stream().sorted().toList());
    for (int n = 0; n < members.size(); n++) {
      int i = n;
      String member = members.get(i);
      List<StoredFinding> findings = store().findings(member, Optional.of(FindingStatus.OPEN));
      assertThat(findings)
          .as("findings of %s", member)
          .extracting(StoredFinding::principal)
          .contains("svc-" + i)
          .doesNotContain("svc-" + ((i + 1) % 3), "svc-" + ((i + 2) % 3));
      assertThat(findings).extracting(StoredFinding::checkId).contains("key-rotation-due");
      List<NoticeInbox.ReceivedNotice> notices = inboxes.get(i).drain();
      assertThat(notices)
          .as("notices of %s", owner(i))
          .singleElement()
          .satisfies(
              notice -> {
                assertThat(notice.attributes())
                    .containsEntry("accountId", member)
                    .containsEntry("recipient", owner(i));
                assertThat(notice.body()).contains("svc-" + i);
              });
    }
  }

  @Test
  void dispatch_whenAnAccountHasAnOwnerTag_sendsTheOwnerWithItsRequestOnly() {
    String tagged = members.get(0);
    management
        .organizations()
        .tagResource(
            r -> r.resourceId(tagged).tags(t -> t.key("owner").value("account-team@example.com")));
    List<AuditRequest> sent = new ArrayList<>();

    OrgAuditors.dispatcher(settings(membersOnly()), management, clock)
        .dispatch("tags-1", sent::addAll);

    assertThat(sent)
        .hasSize(members.size())
        .allSatisfy(
            request ->
                assertThat(request.accountOwner())
                    .isEqualTo(
                        request.accountId().equals(tagged)
                            ? Optional.of("account-team@example.com")
                            : Optional.empty()));
  }

  @Test
  void audit_whenAUserHasNoOwnerTag_tellsTheOwnerNamedInTheAccountsTagsInsteadOfTheFallback()
      throws Exception {
    String member = members.get(0);
    org.createAuditRole(member, "arn:aws:iam::" + org.managementAccountId() + ":root");
    org.createServiceUser(member, "svc-orphan", Map.of());
    management
        .organizations()
        .tagResource(
            r -> r.resourceId(member).tags(t -> t.key("owner").value("account-team@example.com")));
    NoticeInbox accountTeam =
        NoticeInbox.subscribe(management, topicArn, "account-team@example.com");

    RunOutcome outcome =
        dispatchAndAudit(OrgAuditors.create(settings(membersOnly()), management, clock), "tags-1")
            .get(member);

    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(accountTeam.drain())
        .singleElement()
        .satisfies(n -> assertThat(n.body()).contains("svc-orphan"));
  }

  @Test
  void forAccount_entersTheMemberAsItsAuditRoleWithTheRunInTheSessionName() {
    org.createAuditRole(members.get(0), "arn:aws:iam::" + org.managementAccountId() + ":root");
    MemberAccountClients clients = MemberAccountClients.create(management, membersOnly());

    String arn;
    try (AwsClientFactory member = clients.forAccount(members.get(0), "2026-11-24T03:00:00Z")) {
      arn = CallerIdentity.of(member.sts()).arn();
    }

    assertThat(arn)
        .isEqualTo(
            "arn:aws:sts::"
                + members.get(0)
                + ":assumed-role/KeywardenAuditRole/keywarden-2026-11-24T03-00-00Z");
  }

  @Test
  void dispatch_whenOusAreIncludedAndExcluded_sendsOnlyTheAccountsUnderTheIncludedOnes() {
    String prod = org.createOu("prod", members.subList(0, 2));
    org.createOu("sandbox", members.subList(2, 3));
    OrgSettings selection =
        new OrgSettings(
            OrgSettings.DEFAULT_AUDIT_ROLE_NAME,
            Optional.empty(),
            List.of(prod),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty());

    DispatchResult result =
        OrgAuditors.create(settings(selection), management, clock).dispatch("ou-run", r -> {});

    assertThat(result.accountIds())
        .containsExactlyElementsOf(members.subList(0, 2).stream().sorted().toList());
  }

  @Test
  void dispatch_whenAnOuIsExcluded_leavesOutItsAccountsAndKeepsTheRest() {
    String sandbox = org.createOu("sandbox", members.subList(2, 3));
    OrgSettings selection =
        new OrgSettings(
            OrgSettings.DEFAULT_AUDIT_ROLE_NAME,
            Optional.empty(),
            List.of(org.rootId()),
            List.of(sandbox),
            List.of(),
            List.of(),
            Optional.empty());

    DispatchResult result =
        OrgAuditors.create(settings(selection), management, clock).dispatch("ou-run", r -> {});

    List<String> expected = new ArrayList<>(members.subList(0, 2));
    expected.add(org.managementAccountId());
    assertThat(result.accountIds()).containsExactlyElementsOf(expected.stream().sorted().toList());
  }

  @Test
  void audit_whenAMemberHasNoAuditRoleAndIamIsEnforced_recordsItAsNotAuditedAndCompletesTheOthers()
      throws Exception {
    Auditor auditorUser =
        createAuditorUser(
            """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[
          "organizations:DescribeOrganization","organizations:ListAccounts","organizations:ListRoots","organizations:ListAccountsForParent",
          "organizations:ListOrganizationalUnitsForParent","sts:AssumeRole","dynamodb:*","sns:Publish"],
          "Resource":"*"}]}""");
    for (int i = 0; i < 2; i++) {
      org.createAuditRole(members.get(i), auditorUser.arn());
      org.createServiceUser(members.get(i), "svc-" + i, owner(i));
    }
    String withoutRole = members.get(2);
    org.createServiceUser(withoutRole, "svc-2", owner(2));

    Map<String, RunOutcome> outcomes;
    MotoServer.shared().enforceIam(true);
    try (AwsClientFactory asAuditor =
        AwsClientFactory.create(settingsFor(auditorUser.accessKeyId(), auditorUser.secret()))) {
      outcomes =
          dispatchAndAudit(
              OrgAuditors.create(settings(membersOnly()), asAuditor, clock), "enforced-1");
    } finally {
      MotoServer.shared().enforceIam(false);
    }

    assertThat(outcomes.get(members.get(0)).status())
        .as("%s", outcomes.get(members.get(0)).summary())
        .isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(outcomes.get(members.get(1)).status()).isEqualTo(RunOutcome.Status.COMPLETED);
    RunOutcome missing = outcomes.get(withoutRole);
    assertThat(missing.status()).isEqualTo(RunOutcome.Status.NOT_AUDITED);
    // The emulator checks trust policies only for roles in the caller's own account, so AssumeRole
    // into
    // the missing role succeeds there and the first IAM call made with its session fails instead;
    // in
    // AWS the AssumeRole itself is refused. Either way the account is recorded as not audited.
    assertThat(missing.summary().orElseThrow().failure().orElseThrow())
        .contains("arn:aws:iam::" + withoutRole + ":role/" + OrgSettings.DEFAULT_AUDIT_ROLE_NAME);
    assertThat(store().findings(withoutRole, Optional.of(FindingStatus.OPEN)))
        .extracting(StoredFinding::checkId)
        .containsExactly("account-not-audited");
    assertThat(store().findings(members.get(0), Optional.of(FindingStatus.OPEN)))
        .extracting(StoredFinding::checkId)
        .contains("key-rotation-due")
        .doesNotContain("account-not-audited");
  }

  @Test
  void forAccount_whenStsDeniesTheAssumeRole_failsNamingTheRoleArnAndTheReason() throws Exception {
    Auditor auditorUser =
        createAuditorUser(
            """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["organizations:List*"],"Resource":"*"}]}""");
    org.createAuditRole(members.get(0), auditorUser.arn());

    MotoServer.shared().enforceIam(true);
    try (AwsClientFactory asAuditor =
        AwsClientFactory.create(settingsFor(auditorUser.accessKeyId(), auditorUser.secret()))) {
      MemberAccountClients clients = MemberAccountClients.create(asAuditor, membersOnly());
      assertThatThrownBy(() -> clients.forAccount(members.get(0), "denied-1"))
          .isInstanceOf(KeywardenException.class)
          .hasMessageContaining(
              "sts:AssumeRole into arn:aws:iam::"
                  + members.get(0)
                  + ":role/KeywardenAuditRole failed")
          .hasMessageContaining("Status Code: 403");
    } finally {
      MotoServer.shared().enforceIam(false);
    }
  }

  @Test
  void dispatch_whenTheAccountIsInNoOrganization_sendsOnlyTheCallersOwnAccount() {
    for (String member : members) {
      management.organizations().removeAccountFromOrganization(r -> r.accountId(member));
    }
    management.organizations().deleteOrganization();
    String own = CallerIdentity.of(management.sts()).accountId();

    DispatchResult result =
        OrgAuditors.create(settings(OrgSettings.defaults()), management, clock)
            .dispatch("single", r -> {});

    assertThat(result.accountIds()).containsExactly(own);
  }

  @Test
  void audit_whenTheAccountIsTheCallersOwn_usesTheCallersCredentialsWithoutARole() {
    String own = org.managementAccountId();
    AccountSeeder seeder = AccountSeeder.using(management.iam());
    seeder.createUser(
        "svc-own",
        Map.of("owner", owner(9), dev.keywarden.config.AuditPolicy.MAX_KEY_AGE_TAG, "30"));
    seeder.addAccessKey("svc-own");
    CallCounter calls = CallCounter.create();

    RunOutcome outcome;
    try (AwsClientFactory counted =
        AwsClientFactory.create(
            settingsFor(endpoint.accessKeyId(), endpoint.secretAccessKey()), calls)) {
      outcome =
          OrgAuditors.create(settings(OrgSettings.defaults()), counted, clock)
              .audit(new AuditRequest("own-1", own));
    }

    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(outcome.result().orElseThrow().findings())
        .extracting(f -> f.principal())
        .contains("svc-own");
    assertThat(calls.snapshot())
        .containsKey("Iam:GetCredentialReport")
        .doesNotContainKey("Sts:AssumeRole")
        .as("who the caller is, asked once for the auditor and the account's run together")
        .containsEntry("Sts:GetCallerIdentity", 1L);
  }

  /** The management account's auditor principal, with an access key. */
  private record Auditor(String arn, String accessKeyId, String secret) {}

  private Auditor createAuditorUser(String policy) {
    String arn = management.iam().createUser(r -> r.userName("keywarden-auditor")).user().arn();
    management
        .iam()
        .putUserPolicy(
            r ->
                r.userName("keywarden-auditor")
                    .policyName("keywarden-central")
                    .policyDocument(policy));
    var key = management.iam().createAccessKey(r -> r.userName("keywarden-auditor")).accessKey();
    return new Auditor(arn, key.accessKeyId(), key.secretAccessKey());
  }
}
