package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.audit.AuditRequest;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.emulator.AccountSeeder;
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
  /** The auditor's Timeout in template.yaml: the deadline Lambda gives each invocation. */
  private static final Duration FUNCTION_TIMEOUT = Duration.ofMinutes(15);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE = "keywarden-findings";

  @Test
  void deploymentJar_underTheRuntimeClient_answersTheDailyScheduleAndLogsJson(AwsEndpoint endpoint)
      throws Exception {
    String notices;
    try (AwsClientFactory clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                endpoint.endpoint(),
                endpoint.region(),
                endpoint.accessKeyId(),
                endpoint.secretAccessKey()))) {
      DynamoAccountStateStore.createTable(clients.dynamoDb(), TABLE);
      notices = clients.sns().createTopic(r -> r.name("keywarden-notices")).topicArn();
      AccountSeeder seeder = AccountSeeder.using(clients.iam());
      seeder.createUser("svc-legacy", Map.of());
      seeder.addAccessKey("svc-legacy");
    }
    Map<String, String> env = settings(notices);

    RuntimeApiServer.Invocation answer;
    List<JsonNode> lines;
    try (RuntimeApiServer api = RuntimeApiServer.start();
        LambdaProcess function = LambdaProcess.startThisModule(endpoint, api, env)) {
      answer =
          api.invoke(
              Files.readString(SamTemplate.ROOT.resolve("events/scheduled-daily.json")),
              FUNCTION_TIMEOUT,
              Duration.ofSeconds(60));
      lines = function.awaitJsonLines(1, Duration.ofSeconds(5));
      assertThat(answer.succeeded())
          .as("answer %s, stderr %s", answer.body(), function.stderr())
          .isTrue();
    }

    JsonNode response = JSON.readTree(answer.body());
    assertThat(response.path("accountId").asText()).isEqualTo("123456789012");
    assertThat(response.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(lines)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line.has("level") && line.has("message")).isTrue());
    List<JsonNode> invocationLines =
        lines.stream()
            .filter(line -> line.path("requestId").asText().equals(answer.requestId()))
            .toList();
    assertThat(invocationLines)
        .as("lines logged while answering")
        .isNotEmpty()
        .allSatisfy(
            line -> {
              assertThat(line.path("runId").asText()).isEqualTo("run-20261124T060000Z-cdc73f9d");
              assertThat(line.path("accountId").asText()).isEqualTo("123456789012");
            });
  }

  /**
   * The deadline Lambda sends with the invocation reaches the run: with less than the stop margin
   * (60 s) before the function's timeout, the scheduled audit begins nothing and says so.
   */
  @Test
  void deploymentJar_underTheRuntimeClient_whenTheInvocationIsNearItsTimeout_beginsNothing(
      AwsEndpoint endpoint) throws Exception {
    String notices;
    try (AwsClientFactory clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                endpoint.endpoint(),
                endpoint.region(),
                endpoint.accessKeyId(),
                endpoint.secretAccessKey()))) {
      DynamoAccountStateStore.createTable(clients.dynamoDb(), TABLE);
      notices = clients.sns().createTopic(r -> r.name("keywarden-notices")).topicArn();
    }

    RuntimeApiServer.Invocation answer;
    try (RuntimeApiServer api = RuntimeApiServer.start();
        LambdaProcess function = LambdaProcess.startThisModule(endpoint, api, settings(notices))) {
      answer =
          api.invoke(
              Files.readString(SamTemplate.ROOT.resolve("events/scheduled-daily.json")),
              Duration.ofSeconds(45),
              Duration.ofSeconds(60));
      assertThat(answer.succeeded())
          .as("answer %s, stderr %s", answer.body(), function.stderr())
          .isTrue();
    }

    assertThat(JSON.readTree(answer.body()).path("status").asText()).isEqualTo("INCOMPLETE");
    try (AwsClientFactory clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                endpoint.endpoint(),
                endpoint.region(),
                endpoint.accessKeyId(),
                endpoint.secretAccessKey()))) {
      assertThat(clients.dynamoDb().scan(r -> r.tableName(TABLE)).count())
          .as("items in the findings table")
          .isZero();
    }
  }

  /**
   * The queue's path through the jar: a request carrying its account's owner, one for another
   * account (entered through its audit role) and a malformed one, which alone is reported as
   * failed.
   */
  @Test
  void deploymentJar_underTheRuntimeClient_auditsAQueuedBatchAndFailsOnlyTheMalformedRecord(
      AwsEndpoint endpoint) throws Exception {
    String notices;
    try (AwsClientFactory clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                endpoint.endpoint(),
                endpoint.region(),
                endpoint.accessKeyId(),
                endpoint.secretAccessKey()))) {
      DynamoAccountStateStore.createTable(clients.dynamoDb(), TABLE);
      notices = clients.sns().createTopic(r -> r.name("keywarden-notices")).topicArn();
      AccountSeeder seeder = AccountSeeder.using(clients.iam());
      seeder.createUser("svc-orphan", Map.of());
      seeder.addAccessKey("svc-orphan");
    }
    ObjectNode batch =
        (ObjectNode)
            JSON.readTree(
                Files.readString(SamTemplate.ROOT.resolve("events/sqs-mixed-batch.json")));
    ArrayNode records = (ArrayNode) batch.get("Records");
    ((ObjectNode) records.get(0))
        .put(
            "body",
            new AuditRequest("run-queued", "123456789012", Optional.of("account-team@example.com"))
                .toJson());
    ObjectNode member = records.get(0).deepCopy();
    member
        .put("messageId", "member-account")
        .put("body", new AuditRequest("run-queued", "210987654321").toJson());
    records.add(member);
    String malformed = records.get(1).path("messageId").asText();

    RuntimeApiServer.Invocation answer;
    try (RuntimeApiServer api = RuntimeApiServer.start();
        LambdaProcess function = LambdaProcess.startThisModule(endpoint, api, settings(notices))) {
      answer = api.invoke(batch.toString(), FUNCTION_TIMEOUT, Duration.ofSeconds(60));
      assertThat(answer.succeeded())
          .as("answer %s, stderr %s", answer.body(), function.stderr())
          .isTrue();
    }

    assertThat(
            JSON.readTree(answer.body())
                .path("batchItemFailures")
                .findValuesAsText("itemIdentifier"))
        .containsExactly(malformed);
  }

  private static Map<String, String> settings(String notices) {
    return Map.of(
        "KEYWARDEN_FINDINGS_TABLE", TABLE,
        "KEYWARDEN_NOTICES_TOPIC_ARN", notices,
        "KEYWARDEN_EXTERNAL_ID", "keywarden-test-external-id");
  }
}
