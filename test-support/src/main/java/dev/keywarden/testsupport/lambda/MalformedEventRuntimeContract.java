package dev.keywarden.testsupport.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deployment jar under the real runtime interface client answers every empty or malformed
 * payload with the function's own InvalidInputException, not the runtime client's JSON parsing
 * error. Each function module's {@code MalformedEventRuntimeIT} extends it with the variables its
 * function needs to start and the table its {@code MalformedEventTest} holds the handler to.
 */
@WithEmulator
public abstract class MalformedEventRuntimeContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> settings;
  private final List<MalformedPayloads.Case> malformedPayloads;

  /**
   * A run with the function's own variables ({@code settings}, enough for it to start) that sends
   * {@code malformedPayloads}, each with a part of the message it must be answered with.
   */
  protected MalformedEventRuntimeContract(
      Map<String, String> settings, List<MalformedPayloads.Case> malformedPayloads) {
    this.settings = Map.copyOf(settings);
    this.malformedPayloads = List.copyOf(malformedPayloads);
  }

  @Test
  void deploymentJar_underTheRuntimeClient_answersEachMalformedPayloadWithInvalidInput(
      AwsEndpoint endpoint) throws Exception {
    try (RuntimeApiServer api = RuntimeApiServer.start();
        LambdaProcess function = LambdaProcess.startThisModule(endpoint, api, settings)) {
      for (MalformedPayloads.Case malformed : malformedPayloads) {
        RuntimeApiServer.Invocation answer =
            api.invoke(malformed.payload(), Duration.ofSeconds(60));

        assertThat(answer.succeeded())
            .as("%s: answer %s, stderr %s", malformed, answer.body(), function.stderr())
            .isFalse();
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.path("errorType").asText())
            .as("%s: %s", malformed, answer.body())
            .isEqualTo(MalformedEventContract.INVALID_INPUT);
        assertThat(error.path("errorMessage").asText())
            .as(malformed.toString())
            .contains(malformed.message());
      }
    }
  }
}
