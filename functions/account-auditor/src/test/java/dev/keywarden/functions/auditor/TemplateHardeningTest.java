package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.testsupport.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What template.yaml does about the security scanner's findings (docs/deployment.md lists them).
 */
class TemplateHardeningTest {
  private static final SamTemplate TEMPLATE = SamTemplate.load("template.yaml");

  private static List<JsonNode> statementsAllowing(String role, String action) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode statement : TEMPLATE.allowStatements(role)) {
      JsonNode actions = statement.path("Action");
      List<String> names = new ArrayList<>();
      if (actions.isArray()) {
        actions.forEach(a -> names.add(a.asText()));
      } else {
        names.add(actions.asText());
      }
      if (names.stream().anyMatch(pattern -> SamTemplate.matches(pattern, action))) {
        found.add(statement);
      }
    }
    return found;
  }

  @Test
  void auditorRole_switchesOnlyUsersKeysOfItsOwnAccount_asTheMemberRoleDoes() {
    List<JsonNode> statements = statementsAllowing("AccountAuditorRole", "iam:UpdateAccessKey");

    assertThat(statements)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.path("Resource").asText())
                  .isEqualTo("arn:${AWS::Partition}:iam::${AWS::AccountId}:user/*");
              assertThat(s.path("Action").asText()).isEqualTo("iam:UpdateAccessKey");
            });
  }

  @Test
  void findingsTable_isEncryptedWithTheCustomerManagedKeyWhenOneIsGiven() {
    JsonNode sse = TEMPLATE.resource("FindingsTable").at("/Properties/SSESpecification");

    assertThat(TEMPLATE.parameter("FindingsTableKmsKeyArn").path("Default").asText()).isEmpty();
    assertThat(sse.path("SSEEnabled").asBoolean()).isTrue();
    assertThat(sse.path("SSEType").toString())
        .isEqualTo("[\"HasFindingsTableKey\",\"KMS\",\"AWS::NoValue\"]");
    assertThat(sse.path("KMSMasterKeyId").toString())
        .isEqualTo("[\"HasFindingsTableKey\",\"FindingsTableKmsKeyArn\",\"AWS::NoValue\"]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"OrgDispatcherRole", "AccountAuditorRole", "ReportAggregatorRole"})
  void everyRole_usesTheFindingsTablesKeyOnlyThroughDynamoDb(String role) {
    assertThat(statementsAllowing(role, "kms:Decrypt"))
        .filteredOn(s -> s.path("Resource").asText().equals("FindingsTableKmsKeyArn"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.at("/Condition/StringEquals/kms:ViaService").asText())
                  .isEqualTo("dynamodb.${AWS::Region}.amazonaws.com");
              assertThat(s.path("Action").toString())
                  .contains("kms:Encrypt", "kms:GenerateDataKey*");
            });
  }

  @ParameterizedTest
  @CsvSource({
    "AuditRequestsQueue, Delete",
    "AuditRequestsDeadLetterQueue, Retain",
    "ScheduledEventsDeadLetterQueue, Retain",
    "SecurityTopicKey, Retain",
    "FindingsTable, Retain",
    "ReportsBucket, Retain"
  })
  void resourcesOnStackDeletion_goOrStayAsDocumented(String logicalId, String policy) {
    JsonNode resource = TEMPLATE.resource(logicalId);

    assertThat(resource.path("DeletionPolicy").asText()).isEqualTo(policy);
    assertThat(resource.path("UpdateReplacePolicy").asText()).isEqualTo(policy);
  }

  @Test
  void everyQueueAndKey_saysWhatHappensToItOnStackDeletion() {
    List<String> unsaid = new ArrayList<>();
    for (Map.Entry<String, JsonNode> resource : TEMPLATE.resources().entrySet()) {
      String type = resource.getValue().path("Type").asText();
      if ((type.equals("AWS::SQS::Queue") || type.equals("AWS::KMS::Key"))
          && (resource.getValue().path("DeletionPolicy").isMissingNode()
              || resource.getValue().path("UpdateReplacePolicy").isMissingNode())) {
        unsaid.add(resource.getKey());
      }
    }
    assertThat(unsaid).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "OrgDispatcherFunction, OrgDispatcherRole",
    "ReportAggregatorFunction, ReportAggregatorRole"
  })
  void scheduledFunctions_keepTheEventTheyFailedOn(String function, String role) {
    JsonNode dlq = TEMPLATE.functions().get(function).path("DeadLetterQueue");

    assertThat(dlq.path("Type").asText()).isEqualTo("SQS");
    assertThat(dlq.path("TargetArn").asText()).isEqualTo("ScheduledEventsDeadLetterQueue.Arn");
    assertThat(statementsAllowing(role, "sqs:SendMessage"))
        .extracting(s -> s.path("Resource").asText())
        .contains("ScheduledEventsDeadLetterQueue.Arn");
  }

  @Test
  void auditor_readsTheQueueWithABoundedConcurrency() {
    JsonNode scaling =
        TEMPLATE
            .functions()
            .get("AccountAuditorFunction")
            .at("/Events/AuditRequests/Properties/ScalingConfig");

    assertThat(scaling.path("MaximumConcurrency").asText()).isEqualTo("AuditConcurrency");
    assertThat(TEMPLATE.parameter("AuditConcurrency").path("MinValue").asInt())
        .as("SQS's own minimum")
        .isEqualTo(2);
  }

  @Test
  void reportsBucket_logsAccessWhenALogBucketIsGiven() {
    JsonNode logging = TEMPLATE.resource("ReportsBucket").at("/Properties/LoggingConfiguration");

    assertThat(logging.get(0).asText()).isEqualTo("HasReportsAccessLogBucket");
    assertThat(logging.get(1).path("DestinationBucketName").asText())
        .isEqualTo("ReportsAccessLogBucket");
    assertThat(logging.get(2).asText()).isEqualTo("AWS::NoValue");
  }
}
