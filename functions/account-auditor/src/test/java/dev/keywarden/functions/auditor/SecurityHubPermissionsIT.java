package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.aws.AccountRuns;
import dev.keywarden.aws.ActionRecorder;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.aws.IamInventoryReader;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.config.SecurityHubSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.SamTemplate;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * With {@code SecurityHubExport=enabled} the auditor's role allows exactly what the export calls:
 * {@code securityhub:BatchImportFindings}, on the deployment account's own custom-integration
 * product only, {@code securityhub:BatchUpdateFindings} on its own hub, for the workflow statuses
 * Keywarden sets and without severity, criticality, confidence, types or verification state, and
 * {@code dynamodb:BatchWriteItem} on the findings table for what Security Hub accepted, both only
 * when the parameter turns it on.
 */
@WithEmulator
class SecurityHubPermissionsIT {
  private static final SamTemplate TEMPLATE = SamTemplate.load("template.yaml");

  private AwsClientFactory setup;
  private AwsClientFactory recorded;
  private ActionRecorder recorder;
  private String region;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    ClientSettings settings = AuditedAccount.clientSettings(endpoint);
    setup = AwsClientFactory.create(settings);
    recorder = ActionRecorder.create();
    recorded = AwsClientFactory.create(settings, recorder);
    region = endpoint.region();
    DynamoAccountStateStore.createTable(setup.dynamoDb(), "keywarden-findings");
    setup
        .iam()
        .createUser(
            r ->
                r.userName("svc-payments")
                    .tags(Tag.builder().key("owner").value("team@example.com").build()));
    setup.iam().createAccessKey(r -> r.userName("svc-payments"));
  }

  @AfterEach
  void close() {
    recorded.close();
    setup.close();
  }

  @Test
  void auditorRole_allowsEverySecurityHubCallAnExportingAuditMakes_andNoOther() {
    Settings settings =
        ConfigLoader.loadSettings(
            Optional.empty(), Map.of("KEYWARDEN_FINDINGS_TABLE", "keywarden-findings"));
    String account = setup.sts().getCallerIdentity().account();
    Clock clock = Clock.systemUTC();
    AccountRuns.create(
            recorded,
            recorded,
            settings,
            clock,
            Optional.of(SecurityHubSettings.forAccount(account, region)))
        .run(IamInventoryReader.create(recorded, settings.audit(), clock).read(), "run-hub");
    // A password policy resolves findings Security Hub now holds, so their workflow changes:
    // BatchUpdateFindings
    // (which the emulator refuses as unknown; it is recorded as called all the same).
    setup
        .iam()
        .updateAccountPasswordPolicy(
            r ->
                r.minimumPasswordLength(24)
                    .requireSymbols(true)
                    .requireNumbers(true)
                    .requireUppercaseCharacters(true)
                    .requireLowercaseCharacters(true)
                    .passwordReusePrevention(24)
                    .maxPasswordAge(90));
    AccountRuns.create(
            recorded,
            recorded,
            settings,
            clock,
            Optional.of(SecurityHubSettings.forAccount(account, region)))
        .run(IamInventoryReader.create(recorded, settings.audit(), clock).read(), "run-hub-exempt");

    SortedSet<String> actions = recorder.actions();
    assertThat(setup.securityHub().getFindings(r -> r.maxResults(100)).findings()).isNotEmpty();
    assertThat(actions)
        .contains(
            "securityhub:BatchImportFindings",
            "securityhub:BatchUpdateFindings",
            "dynamodb:BatchWriteItem");
    assertThat(actions)
        .allSatisfy(
            action ->
                assertThat(TEMPLATE.allows("AccountAuditorRole", action))
                    .as("auditor role allows %s", action)
                    .isTrue());
    assertThat(TEMPLATE.allowedActions("AccountAuditorRole"))
        .filteredOn(a -> a.startsWith("securityhub:"))
        .containsExactlyElementsOf(
            actions.stream().filter(a -> a.startsWith("securityhub:")).toList());
  }

  @Test
  void
      template_grantsTheImportOnlyOnItsOwnProduct_andTheWorkflowUpdateOnlyOnItsHub_andOnlyWhenEnabled() {
    JsonNode importing = null;
    JsonNode updating = null;
    JsonNode batchWrite = null;
    for (JsonNode policy :
        TEMPLATE.resource("AccountAuditorRole").path("Properties").path("Policies")) {
      for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
        if (statement.isArray()
            && statement.toString().contains("securityhub:BatchImportFindings")) {
          importing = statement;
        }
        if (statement.isArray()
            && statement.toString().contains("securityhub:BatchUpdateFindings")) {
          updating = statement;
        }
        if (statement.toString().contains("dynamodb:BatchWriteItem")) {
          batchWrite = statement;
        }
      }
    }
    assertThat(batchWrite)
        .as("BatchWriteItem (for the HUB# items) only with the export")
        .isNotNull();
    assertThat(batchWrite.isArray() && batchWrite.get(0).asText().equals("SendsToSecurityHub"))
        .isTrue();
    assertThat(importing).as("the import statement sits inside an !If").isNotNull();
    assertThat(importing.get(0).asText()).isEqualTo("SendsToSecurityHub");
    JsonNode statement = importing.get(1);
    assertThat(statement.path("Action").asText()).isEqualTo("securityhub:BatchImportFindings");
    assertThat(statement.path("Resource").asText())
        .isEqualTo(
            "arn:${AWS::Partition}:securityhub:${AWS::Region}:${AWS::AccountId}:product/${AWS::AccountId}/default");

    assertThat(updating).as("the workflow update statement sits inside an !If").isNotNull();
    assertThat(updating.get(0).asText()).isEqualTo("SendsToSecurityHub");
    JsonNode update = updating.get(1);
    assertThat(update.path("Action").asText()).isEqualTo("securityhub:BatchUpdateFindings");
    assertThat(update.path("Resource").asText())
        .isEqualTo(
            "arn:${AWS::Partition}:securityhub:${AWS::Region}:${AWS::AccountId}:hub/default");
    assertThat(
            update
                .path("Condition")
                .path("StringEquals")
                .path("securityhub:ASFFSyntaxPath/Workflow.Status"))
        .extracting(JsonNode::asText)
        .containsExactly("NEW", "SUPPRESSED", "RESOLVED");
    JsonNode absent = update.path("Condition").path("Null");
    for (String field :
        List.of("Severity.Label", "Criticality", "Confidence", "Types", "VerificationState")) {
      assertThat(absent.path("securityhub:ASFFSyntaxPath/" + field).asText())
          .as("%s may not be changed", field)
          .isEqualTo("true");
    }
    assertThat(TEMPLATE.parameter("SecurityHubExport").path("Default").asText())
        .isEqualTo("disabled");
    assertThat(TEMPLATE.parameter("SecurityHubExport").path("AllowedValues"))
        .extracting(JsonNode::asText)
        .containsExactly("disabled", "enabled");

    JsonNode variable =
        TEMPLATE
            .functions()
            .get("AccountAuditorFunction")
            .path("Environment")
            .path("Variables")
            .path(SecurityHubSettings.ENV);
    assertThat(variable.isArray()).as("%s is set through !If", SecurityHubSettings.ENV).isTrue();
    assertThat(List.of(variable.get(0).asText(), variable.get(2).asText()))
        .containsExactly("SendsToSecurityHub", "");
    assertThat(variable.get(1).asText()).isEqualTo(statement.path("Resource").asText());
    TEMPLATE
        .functions()
        .forEach(
            (name, function) -> {
              if (!name.equals("AccountAuditorFunction")) {
                assertThat(
                        function.path("Environment").path("Variables").has(SecurityHubSettings.ENV))
                    .as(name)
                    .isFalse();
              }
            });
  }
}
