package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.aws.AccountRuns;
import dev.keywarden.aws.ActionRecorder;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.aws.IamInventoryReader;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.SamTemplate;
import dev.keywarden.testsupport.WithEmulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deployed roles allow what an audit does, and the member role nothing more: whole account runs
 * on the emulator (a notice, then a deactivation in enforce mode) record the IAM action of every
 * call, which is then checked against member-role.yaml and template.yaml's auditor role.
 */
@WithEmulator
class RolePermissionsIT {
  private static final String OWNER = "payments-team@example.com";
  private static final String USER = "svc-payments";

  /**
   * Member-role actions that an emulator run cannot show, each with the reason it is still needed.
   * Empty: every action the role allows is made by the runs below.
   */
  private static final Map<String, String> NOT_RECORDED_BUT_NEEDED =
      Map.of(
          "iam:ListSigningCertificates",
          "called only for users whose credential report shows an active signing certificate without"
              + " a date (the emulator's report never dates them; this account holds none)",
          "iam:ListSSHPublicKeys",
          "called per user only where ssh-key-max-users allows it (0, off, by default)",
          "iam:GetAccessKeyLastUsed",
          "called only for a user whose two keys were created in the same second and whose status"
              + " cannot tell which is condemned (this account holds none)");

  private AwsClientFactory setup;
  private AwsClientFactory recorded;
  private ActionRecorder recorder;
  private Map<String, String> environment;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    ClientSettings settings = AuditedAccount.clientSettings(endpoint);
    setup = AwsClientFactory.create(settings);
    recorder = ActionRecorder.create();
    recorded = AwsClientFactory.create(settings, recorder);
    DynamoAccountStateStore.createTable(setup.dynamoDb(), "keywarden-findings");
    String notices = setup.sns().createTopic(r -> r.name("keywarden-notices")).topicArn();
    String security = setup.sns().createTopic(r -> r.name("keywarden-security")).topicArn();
    AccountSeeder seeder = AccountSeeder.using(setup.iam());
    seeder.createUser(USER, Map.of("owner", OWNER, AuditPolicy.MAX_KEY_AGE_TAG, "30"));
    seeder.addAccessKey(USER);
    seeder.createUser("alice", Map.of("owner", OWNER));
    seeder.addConsolePassword("alice", "Correct-Horse-Battery-9");
    environment =
        Map.of(
            "KEYWARDEN_MODE",
            "enforce",
            "KEYWARDEN_FINDINGS_TABLE",
            "keywarden-findings",
            "KEYWARDEN_NOTICES_TOPIC_ARN",
            notices,
            "KEYWARDEN_SECURITY_TOPIC_ARN",
            security);
  }

  @AfterEach
  void close() {
    recorded.close();
    setup.close();
  }

  private RunOutcome runAfter(Duration age, String runId) {
    Settings settings = ConfigLoader.loadSettings(Optional.empty(), environment);
    Clock clock = Clock.offset(Clock.systemUTC(), age);
    return AccountRuns.create(recorded, settings, clock)
        .run(IamInventoryReader.create(recorded, settings.audit(), clock).read(), runId);
  }

  private SortedSet<String> recordAWholeLife() {
    runAfter(Duration.ofDays(20), "run-notice");
    RunOutcome deadline = runAfter(Duration.ofDays(31), "run-deadline");
    assertThat(deadline.deactivation().orElseThrow().deactivated())
        .as("the run deactivated the expired key")
        .hasSize(1);
    return recorder.actions();
  }

  @Test
  void memberRole_allowsEveryIamActionAnAuditMakes() {
    SortedSet<String> iam =
        new TreeSet<>(
            recordAWholeLife().stream().filter(RolePermissionsIT::memberAccountAction).toList());
    SamTemplate member = SamTemplate.load("member-role.yaml");

    assertThat(iam)
        .contains(
            "iam:GetCredentialReport",
            "iam:UpdateAccessKey",
            "iam:ListServerCertificates",
            "access-analyzer:ListAnalyzers");
    assertThat(iam)
        .allSatisfy(
            action ->
                assertThat(member.allows("KeywardenAuditRole", action))
                    .as("member role allows %s", action)
                    .isTrue());
  }

  @Test
  void memberRole_allowsNothingAnAuditDoesNotMake() {
    SortedSet<String> recordedActions = recordAWholeLife();
    SamTemplate member = SamTemplate.load("member-role.yaml");

    assertThat(member.allowedActions("KeywardenAuditRole"))
        .allSatisfy(
            allowed -> assertThat(allowed).as("a literal action, no wildcard").doesNotContain("*"))
        .allSatisfy(
            allowed ->
                assertThat(
                        recordedActions.contains(allowed)
                            || NOT_RECORDED_BUT_NEEDED.containsKey(allowed))
                    .as("%s is made by an audit or documented as needed", allowed)
                    .isTrue())
        .doesNotContain("iam:DeleteAccessKey");
  }

  @Test
  void auditorRole_allowsEveryOtherActionAnAuditMakes() {
    Set<String> others =
        new TreeSet<>(recordAWholeLife().stream().filter(a -> !memberAccountAction(a)).toList());
    SamTemplate template = SamTemplate.load("template.yaml");

    assertThat(others).contains("dynamodb:TransactWriteItems", "sns:Publish");
    assertThat(others)
        .allSatisfy(
            action ->
                assertThat(template.allows("AccountAuditorRole", action))
                    .as("auditor role allows %s", action)
                    .isTrue());
  }

  @Test
  void roles_allowEveryCallOfAMemberAccountsAuditThroughTheHandler() throws Exception {
    Map<String, String> withRole = new HashMap<>(environment);
    withRole.put("KEYWARDEN_EXTERNAL_ID", "keywarden-test-external-id");
    AccountAuditorHandler handler =
        new AccountAuditorHandler(
            recorded, ConfigLoader.loadSettings(Optional.empty(), withRole), Clock.systemUTC());
    ObjectNode event = (ObjectNode) Events.json("sqs-audit-request.json");
    ((ObjectNode) event.get("Records").get(0))
        .put("body", "{\"runId\":\"run-member\",\"accountId\":\"210987654321\"}");

    handler.handleRequest(
        new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(),
        null);
    SamTemplate template = SamTemplate.load("template.yaml");
    SamTemplate member = SamTemplate.load("member-role.yaml");

    assertThat(recorder.actions()).contains("sts:AssumeRole", "iam:GetCredentialReport");
    assertThat(recorder.actions())
        .allSatisfy(
            action ->
                assertThat(
                        memberAccountAction(action)
                            ? member.allows("KeywardenAuditRole", action)
                            : template.allows("AccountAuditorRole", action))
                    .as("the role that makes %s allows it", action)
                    .isTrue());
  }

  /** Calls about the audited account itself, made with the member role's credentials. */
  private static boolean memberAccountAction(String action) {
    return action.startsWith("iam:") || action.startsWith("access-analyzer:");
  }
}
