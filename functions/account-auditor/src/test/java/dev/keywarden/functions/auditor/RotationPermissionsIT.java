package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.aws.AccessKeyGateway;
import dev.keywarden.aws.AccountRuns;
import dev.keywarden.aws.ActionRecorder;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.aws.IamInventoryReader;
import dev.keywarden.aws.SecretsManagerVault;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import dev.keywarden.rotate.NewAccessKey;
import dev.keywarden.rotate.Withdrawal;
import dev.keywarden.testsupport.SamTemplate;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * member-role.yaml's optional assisted-rotation policy, on the emulator with IAM enforced: a whole
 * rotation (a new key for a tagged user, the cut-over once the new key was used, then its
 * withdrawal) runs as an IAM principal holding only the audit role's and the rotation policy's
 * actions, and records the action of every call; the rotation policy allows each action the
 * rotation makes that the audit role does not, and nothing else. The emulator evaluates neither
 * resources nor conditions of identity policies, so the principal gets the policy's actions on
 * every resource; that the template confines them to tagged users and Keywarden's secret names is
 * checked on the template itself.
 */
@WithEmulator
class RotationPermissionsIT {
  private static final String USER = "svc-orders";
  private static final String ROLE = "KeywardenAuditRole";
  private static final String POLICY = "KeywardenRotationPolicy";

  /** Rotation-policy actions an emulator run cannot show, each with why it is still needed. */
  private static final Map<String, String> NOT_RECORDED_BUT_NEEDED =
      Map.of(
          "secretsmanager:TagResource", "CreateSecret with tags is authorised as TagResource too",
          "kms:GenerateDataKey",
              "Secrets Manager encrypts with a customer managed key only with it (RotationKmsKeyArn)",
          "kms:Decrypt",
              "Secrets Manager re-reads a version encrypted with a customer managed key only with it");

  private final SamTemplate member = SamTemplate.load("member-role.yaml");
  private AwsClientFactory admin;
  private AwsEndpoint endpoint;
  private Map<String, String> environment;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    this.endpoint = endpoint;
    admin = AuditedAccount.clientsFor(endpoint);
    DynamoAccountStateStore.createTable(admin.dynamoDb(), "keywarden-findings");
    String notices = admin.sns().createTopic(r -> r.name("keywarden-notices")).topicArn();
    AccountSeeder seeder = AccountSeeder.using(admin.iam());
    seeder.createUser(
        USER, Map.of("owner", "orders@example.com", "keywarden:rotation", "assisted"));
    seeder.addAccessKey(USER);
    environment =
        Map.of(
            "KEYWARDEN_MODE", "enforce",
            "KEYWARDEN_FINDINGS_TABLE", "keywarden-findings",
            "KEYWARDEN_NOTICES_TOPIC_ARN", notices,
            "KEYWARDEN_ASSISTED_ROTATION", "all");
  }

  @AfterEach
  void close() {
    MotoServer.shared().enforceIam(false);
    admin.close();
  }

  /**
   * Every action of the member role and of the rotation policy; the central table and topic
   * besides.
   */
  private String principalPolicy() {
    List<String> actions = new ArrayList<>(member.allowedActions(ROLE));
    actions.addAll(rotationActions());
    actions.add("dynamodb:*");
    actions.add("sns:Publish");
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
        + actions.stream().map(a -> "\"" + a + "\"").toList()
        + ",\"Resource\":\"*\"}]}";
  }

  private List<JsonNode> rotationStatements() {
    List<JsonNode> statements = new ArrayList<>();
    for (JsonNode statement :
        member.resource(POLICY).path("Properties").path("PolicyDocument").path("Statement")) {
      if (statement.isArray()) {
        statement.forEach(
            branch -> {
              if (branch.isObject()) {
                statements.add(branch);
              }
            });
      } else {
        statements.add(statement);
      }
    }
    return statements;
  }

  private List<String> rotationActions() {
    List<String> actions = new ArrayList<>();
    rotationStatements().forEach(s -> s.path("Action").forEach(a -> actions.add(a.asText())));
    return actions;
  }

  private RunOutcome run(AwsClientFactory clients, Duration age, String runId) {
    Settings settings = ConfigLoader.loadSettings(Optional.empty(), environment);
    Clock clock = Clock.offset(Clock.systemUTC(), age);
    return AccountRuns.create(clients, settings, clock)
        .run(IamInventoryReader.create(clients, settings.audit(), clock).read(), runId);
  }

  private List<String> keyStatuses() {
    return admin.iam().listAccessKeys(r -> r.userName(USER)).accessKeyMetadata().stream()
        .map(k -> k.statusAsString())
        .sorted()
        .toList();
  }

  @Test
  void rotationPolicy_allowsEveryCallOfAWholeRotationUnderEnforcement_andNothingElse()
      throws Exception {
    admin.iam().createUser(r -> r.userName("keywarden-rotator"));
    admin
        .iam()
        .putUserPolicy(
            r -> r.userName("keywarden-rotator").policyName("p").policyDocument(principalPolicy()));
    var key = admin.iam().createAccessKey(r -> r.userName("keywarden-rotator")).accessKey();
    ActionRecorder recorder = ActionRecorder.create();
    Settings settings = ConfigLoader.loadSettings(Optional.empty(), environment);

    try (AwsClientFactory rotator =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                endpoint.endpoint(), endpoint.region(), key.accessKeyId(), key.secretAccessKey()),
            recorder)) {
      MotoServer.shared().enforceIam(true);
      // 77 days old of 90: the first notice stage, when the new key is created.
      RunOutcome created = run(rotator, Duration.ofDays(77), "created");
      MotoServer.shared().enforceIam(false);
      assertThat(created.status()).isEqualTo(RunOutcome.Status.COMPLETED);
      assertThat(keyStatuses()).containsExactly("Active", "Active");
      JsonNode secret =
          new ObjectMapper()
              .readTree(
                  admin
                      .secretsManager()
                      .getSecretValue(r -> r.secretId("keywarden/access-keys/" + USER))
                      .secretString());
      try (AwsClientFactory application =
          AwsClientFactory.create(
              ClientSettings.forEndpoint(
                  endpoint.endpoint(),
                  endpoint.region(),
                  secret.path("AccessKeyId").asText(),
                  secret.path("SecretAccessKey").asText()))) {
        assertThat(application.sts().getCallerIdentity().arn()).endsWith(":user/" + USER);
      }

      MotoServer.shared().enforceIam(true);
      // The new key was used, the old one never: cut-over.
      RunOutcome cutOver = run(rotator, Duration.ofDays(77).plusHours(1), "cut-over");
      assertThat(cutOver.deactivation().orElseThrow().deactivated()).hasSize(1);
      // The user's next rotation, a rotation period later, writes a new version into the same
      // secret.
      SecretsManagerVault.create(rotator.secretsManager())
          .store(
              "123456789012",
              "keywarden/access-keys/" + USER,
              new NewAccessKey(
                  USER,
                  secret.path("AccessKeyId").asText(),
                  secret.path("SecretAccessKey").asText(),
                  Instant.now()),
              "next-rotation-version-token-0000000001",
              Optional.empty());
      String done =
          Withdrawal.create(
                  AccountRuns.rotationStore(rotator, settings),
                  SecretsManagerVault.create(rotator.secretsManager()),
                  AccessKeyGateway.create(rotator))
              .withdraw("123456789012", USER, "proving the policy", "test", Instant.now());
      MotoServer.shared().enforceIam(false);
      assertThat(done).contains("Withdrew");
      assertThat(keyStatuses()).containsExactly("Inactive", "Inactive");
    } finally {
      MotoServer.shared().enforceIam(false);
    }

    SortedSet<String> made = recorder.actions();
    assertThat(made)
        .contains(
            "iam:CreateAccessKey",
            "iam:GetAccessKeyLastUsed",
            "secretsmanager:CreateSecret",
            "secretsmanager:PutSecretValue",
            "secretsmanager:PutResourcePolicy",
            "secretsmanager:DeleteSecret",
            "iam:UpdateAccessKey");
    assertThat(made)
        .filteredOn(a -> a.startsWith("iam:") || a.startsWith("secretsmanager:"))
        .allSatisfy(
            action ->
                assertThat(
                        member.allows(ROLE, action)
                            || rotationActions().stream()
                                .anyMatch(p -> SamTemplate.matches(p, action)))
                    .as("the member role or its rotation policy allows %s", action)
                    .isTrue());
    assertThat(rotationActions())
        .allSatisfy(
            allowed -> assertThat(allowed).as("a literal action, no wildcard").doesNotContain("*"))
        .allSatisfy(
            allowed ->
                assertThat(made.contains(allowed) || NOT_RECORDED_BUT_NEEDED.containsKey(allowed))
                    .as("%s is made by a rotation or documented as needed", allowed)
                    .isTrue())
        .doesNotContain("iam:DeleteAccessKey", "secretsmanager:GetSecretValue");
    assertThat(member.allowedActions(ROLE))
        .as("the read-mostly role itself gains nothing")
        .doesNotContain(
            "iam:CreateAccessKey", "secretsmanager:CreateSecret", "secretsmanager:PutSecretValue");
  }

  @Test
  void withoutTheRotationPolicy_noKeyIsMade_theAttemptEnds_andTheOwnerGetsTheOrdinaryNotice()
      throws Exception {
    List<String> actions = new ArrayList<>(member.allowedActions(ROLE));
    actions.add("dynamodb:*");
    actions.add("sns:Publish");
    admin.iam().createUser(r -> r.userName("keywarden-auditor"));
    admin
        .iam()
        .putUserPolicy(
            r ->
                r.userName("keywarden-auditor")
                    .policyName("p")
                    .policyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                            + actions.stream().map(a -> "\"" + a + "\"").toList()
                            + ",\"Resource\":\"*\"}]}"));
    var key = admin.iam().createAccessKey(r -> r.userName("keywarden-auditor")).accessKey();
    String queueUrl = admin.sqs().createQueue(r -> r.queueName("owner-inbox")).queueUrl();
    String queueArn =
        admin
            .sqs()
            .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
            .attributesAsStrings()
            .get("QueueArn");
    admin
        .sns()
        .subscribe(
            r ->
                r.topicArn(environment.get("KEYWARDEN_NOTICES_TOPIC_ARN"))
                    .protocol("sqs")
                    .endpoint(queueArn));

    RunOutcome outcome;
    try (AwsClientFactory auditor =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                endpoint.endpoint(),
                endpoint.region(),
                key.accessKeyId(),
                key.secretAccessKey()))) {
      MotoServer.shared().enforceIam(true);
      outcome = run(auditor, Duration.ofDays(77), "refused");
    } finally {
      MotoServer.shared().enforceIam(false);
    }

    assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
    assertThat(keyStatuses()).containsExactly("Active");
    Settings settings = ConfigLoader.loadSettings(Optional.empty(), environment);
    assertThat(
            AccountRuns.rotationStore(admin, settings).rotations("123456789012").get(USER).phase())
        .isEqualTo(dev.keywarden.rotate.RotationRecord.Phase.ABANDONED);
    List<String> kinds = new ArrayList<>();
    admin
        .sqs()
        .receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10))
        .messages()
        .forEach(
            m -> {
              try {
                kinds.add(
                    new ObjectMapper()
                        .readTree(m.body())
                        .path("MessageAttributes")
                        .path("kind")
                        .path("Value")
                        .asText());
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });
    assertThat(kinds).containsExactly("rotation-notice");
  }

  @Test
  void rotationPolicy_isOptional_andConfinedToTaggedUsersAndKeywardensSecretNames() {
    JsonNode policy = member.resource(POLICY);
    assertThat(policy.path("Condition").asText()).isEqualTo("RotationEnabled");
    assertThat(member.parameter("AssistedRotation").path("Default").asText()).isEqualTo("disabled");

    for (JsonNode statement : rotationStatements()) {
      List<String> actions = new ArrayList<>();
      statement.path("Action").forEach(a -> actions.add(a.asText()));
      String resource = statement.path("Resource").asText();
      if (actions.stream().anyMatch(a -> a.startsWith("iam:"))) {
        assertThat(resource).isEqualTo("arn:${AWS::Partition}:iam::${AWS::AccountId}:user/*");
        assertThat(
                statement
                    .path("Condition")
                    .path("StringEquals")
                    .path("iam:ResourceTag/keywarden:rotation")
                    .asText())
            .isEqualTo("assisted");
      } else if (actions.stream().anyMatch(a -> a.startsWith("secretsmanager:"))) {
        assertThat(resource)
            .isEqualTo(
                "arn:${AWS::Partition}:secretsmanager:*:${AWS::AccountId}:secret:keywarden/access-keys/*");
      } else {
        assertThat(actions).allSatisfy(a -> assertThat(a).startsWith("kms:"));
        assertThat(statement.path("Condition").path("StringEquals").path("kms:ViaService").asText())
            .startsWith("secretsmanager.");
      }
    }
  }
}
