package dev.keywarden.functions.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.audit.AuditRequest;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.SamTemplate;
import dev.keywarden.testsupport.WithEmulator;
import dev.keywarden.testsupport.lambda.LambdaProcess;
import dev.keywarden.testsupport.lambda.RuntimeApiServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The deployment jar under the real Lambda runtime interface client, in its own JVM: the handler
 * template.yaml names loads from the jar alone, answers the sample event, and logs JSON lines.
 */
@WithEmulator
class RuntimeClientIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE = "keywarden-findings";

  @Test
  void deploymentJar_underTheRuntimeClient_answersTheDailyScheduleAndLogsJson(AwsEndpoint endpoint)
      throws Exception {
    String queueUrl;
    String tagged;
    try (AwsClientFactory clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                endpoint.endpoint(),
                endpoint.region(),
                endpoint.accessKeyId(),
                endpoint.secretAccessKey()))) {
      DynamoAccountStateStore.createTable(clients.dynamoDb(), TABLE);
      queueUrl = clients.sqs().createQueue(r -> r.queueName("keywarden-audit-requests")).queueUrl();
      clients.organizations().createOrganization(r -> r.featureSet("ALL"));
      String member =
          clients
              .organizations()
              .createAccount(r -> r.accountName("payments-prod").email("payments-prod@example.com"))
              .createAccountStatus()
              .accountId();
      clients
          .organizations()
          .tagResource(
              r -> r.resourceId(member).tags(t -> t.key("owner").value("payments@example.com")));
      tagged = member;
    }
    Map<String, String> env =
        Map.of(
            "KEYWARDEN_FINDINGS_TABLE", TABLE,
            "KEYWARDEN_AUDIT_QUEUE_URL", queueUrl);

    RuntimeApiServer.Invocation answer;
    List<JsonNode> lines;
    try (RuntimeApiServer api = RuntimeApiServer.start();
        LambdaProcess function = LambdaProcess.startThisModule(endpoint, api, env)) {
      answer =
          api.invoke(
              Files.readString(SamTemplate.ROOT.resolve("events/scheduled-daily.json")),
              Duration.ofSeconds(60));
      lines = function.awaitJsonLines(1, Duration.ofSeconds(5));
      assertThat(answer.succeeded())
          .as("answer %s, stderr %s", answer.body(), function.stderr())
          .isTrue();
    }

    JsonNode response = JSON.readTree(answer.body());
    assertThat(response.path("runId").asText()).isEqualTo("run-20261124T060000Z-cdc73f9d");
    assertThat(response.path("accounts")).hasSize(2);
    assertThat(queuedRequests(endpoint, queueUrl))
        .as("the tagged account's request names its owner")
        .contains(
            new AuditRequest(
                "run-20261124T060000Z-cdc73f9d", tagged, Optional.of("payments@example.com")));
    assertThat(lines)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line.has("level") && line.has("message")).isTrue());
    assertThat(lines)
        .anySatisfy(
            line -> {
              assertThat(line.path("runId").asText()).isEqualTo("run-20261124T060000Z-cdc73f9d");
              assertThat(line.path("requestId").asText()).isEqualTo(answer.requestId());
            });
  }

  /** The audit requests on the queue, read without deleting them. */
  private static List<AuditRequest> queuedRequests(AwsEndpoint endpoint, String queueUrl) {
    try (AwsClientFactory clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                endpoint.endpoint(),
                endpoint.region(),
                endpoint.accessKeyId(),
                endpoint.secretAccessKey()))) {
      return clients
          .sqs()
          .receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages()
          .stream()
          .map(m -> AuditRequest.fromJson(m.body()))
          .toList();
    }
  }
}
