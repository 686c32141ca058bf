package dev.keywarden.functions.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import dev.keywarden.testsupport.lambda.RuntimeClientRun;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deployment jar under the real Lambda runtime interface client, in its own JVM: the handler
 * template.yaml names loads from the jar alone, answers the sample event, and logs JSON lines.
 */
@WithEmulator
class RuntimeClientIT {
  private static final String BUCKET = ReportingAccount.BUCKET;

  @Test
  void deploymentJar_underTheRuntimeClient_answersTheWeeklyScheduleAndLogsJson(AwsEndpoint endpoint)
      throws Exception {
    Map<String, String> env;
    try (ReportingAccount account = ReportingAccount.arrange(endpoint)) {
      env = account.settings();
    }

    RuntimeClientRun run =
        RuntimeClientRun.send(
            endpoint,
            env,
            RuntimeClientRun.sampleEvent("scheduled-weekly.json"),
            Duration.ofSeconds(60));

    JsonNode response = run.response();
    assertThat(response.path("week").asText()).isEqualTo("2026-W48");
    assertThat(response.path("location").asText())
        .isEqualTo("s3://" + BUCKET + "/reports/2026-W48/index.html");
    run.assertLogsStructuredLines();
    assertThat(run.invocationLines())
        .anySatisfy(
            line ->
                assertThat(line.path("message").asText())
                    .contains("s3://" + BUCKET + "/reports/2026-W48/index.html"));
  }
}
