package dev.keywarden.functions.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Test;

/**
 * The deployment jar under the real Lambda runtime interface client, in its own JVM: the handler
 * template.yaml names loads from the jar alone, answers the sample event, and logs JSON lines.
 */
@WithEmulator
class RuntimeClientIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE = "keywarden-findings";
  private static final String BUCKET = "keywarden-reports";

  @Test
  void deploymentJar_underTheRuntimeClient_answersTheWeeklyScheduleAndLogsJson(AwsEndpoint endpoint)
      throws Exception {
    String securityTopic;
    try (AwsClientFactory clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                endpoint.endpoint(),
                endpoint.region(),
                endpoint.accessKeyId(),
                endpoint.secretAccessKey()))) {
      DynamoAccountStateStore.createTable(clients.dynamoDb(), TABLE);
      securityTopic = clients.sns().createTopic(r -> r.name("keywarden-security")).topicArn();
      clients.s3().createBucket(r -> r.bucket(BUCKET));
    }
    Map<String, String> env =
        Map.of(
            "KEYWARDEN_FINDINGS_TABLE", TABLE,
            "KEYWARDEN_SECURITY_TOPIC_ARN", securityTopic,
            "KEYWARDEN_REPORTS_BUCKET", BUCKET);

    RuntimeApiServer.Invocation answer;
    List<JsonNode> lines;
    try (RuntimeApiServer api = RuntimeApiServer.start();
        LambdaProcess function = LambdaProcess.startThisModule(endpoint, api, env)) {
      answer =
          api.invoke(
              Files.readString(SamTemplate.ROOT.resolve("events/scheduled-weekly.json")),
              Duration.ofSeconds(60));
      lines = function.awaitJsonLines(1, Duration.ofSeconds(5));
      assertThat(answer.succeeded())
          .as("answer %s, stderr %s", answer.body(), function.stderr())
          .isTrue();
    }

    JsonNode response = JSON.readTree(answer.body());
    assertThat(response.path("week").asText()).isEqualTo("2026-W48");
    assertThat(response.path("location").asText())
        .isEqualTo("s3://" + BUCKET + "/reports/2026-W48/index.html");
    assertThat(lines)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line.has("level") && line.has("message")).isTrue());
    assertThat(lines)
        .anySatisfy(
            line -> {
              assertThat(line.path("message").asText())
                  .contains("s3://" + BUCKET + "/reports/2026-W48/index.html");
              assertThat(line.path("requestId").asText()).isEqualTo(answer.requestId());
            });
  }
}
