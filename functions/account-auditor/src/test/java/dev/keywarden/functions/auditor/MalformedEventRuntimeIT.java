package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import dev.keywarden.testsupport.lambda.LambdaProcess;
import dev.keywarden.testsupport.lambda.MalformedPayloads;
import dev.keywarden.testsupport.lambda.RuntimeApiServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deployment jar under the real runtime interface client answers every empty or malformed
 * payload with the function's own InvalidInputException, not the runtime client's JSON parsing
 * error.
 */
@WithEmulator
class MalformedEventRuntimeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void deploymentJar_underTheRuntimeClient_answersEachMalformedPayloadWithInvalidInput(
      AwsEndpoint endpoint) throws Exception {
    try (RuntimeApiServer api = RuntimeApiServer.start();
        LambdaProcess function =
            LambdaProcess.startThisModule(
                endpoint,
                api,
                Map.of(
                    "KEYWARDEN_FINDINGS_TABLE",
                    "keywarden-findings",
                    "KEYWARDEN_EXTERNAL_ID",
                    "keywarden-test-external-id"))) {
      for (MalformedPayloads.Case malformed : MalformedEventTest.cases()) {
        RuntimeApiServer.Invocation answer =
            api.invoke(malformed.payload(), Duration.ofSeconds(60));

        assertThat(answer.succeeded())
            .as("%s: answer %s, stderr %s", malformed, answer.body(), function.stderr())
            .isFalse();
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.path("errorType").asText())
            .as("%s: %s", malformed, answer.body())
            .isEqualTo("dev.keywarden.InvalidInputException");
        assertThat(error.path("errorMessage").asText())
            .as(malformed.toString())
            .contains(malformed.message());
      }
    }
  }
}
