package dev.keywarden.testsupport.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One event answered by this module's deployment jar under the real runtime interface client, with
 * what the function logged: each function module's {@code RuntimeClientIT} sends its events through
 * it, so that starting the jar, waiting for a successful answer and reading the log are written
 * once.
 *
 * @param answer the function's answer, already asserted to be a response rather than an error
 * @param lines the JSON lines the function logged by shortly after answering
 */
public record RuntimeClientRun(RuntimeApiServer.Invocation answer, List<JsonNode> lines) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long the test waits for the answer. */
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(60);

  /** How long the test waits for the first log line after the answer. */
  private static final Duration LOG_WAIT = Duration.ofSeconds(5);

  public RuntimeClientRun {
    lines = List.copyOf(lines);
  }

  /** The repository's sample event {@code events/<name>}, as Lambda would deliver it. */
  public static String sampleEvent(String name) {
    try {
      return Files.readString(SamTemplate.ROOT.resolve("events").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the sample event " + name, e);
    }
  }

  /**
   * Starts this module's jar against the emulator with the function's own variables ({@code
   * settings}), sends {@code event} with the deadline a function of {@code functionTimeout} gets
   * from Lambda, and asserts that the answer, awaited for a minute, is a response (naming the
   * function's stderr when it is not).
   */
  public static RuntimeClientRun send(
      AwsEndpoint endpoint, Map<String, String> settings, String event, Duration functionTimeout)
      throws InterruptedException {
    try (RuntimeApiServer api = RuntimeApiServer.start();
        LambdaProcess function = LambdaProcess.startThisModule(endpoint, api, settings)) {
      RuntimeApiServer.Invocation answer = api.invoke(event, functionTimeout, ANSWER_WAIT);
      List<JsonNode> lines = function.awaitJsonLines(1, LOG_WAIT);
      assertThat(answer.succeeded())
          .as("answer %s, stderr %s", answer.body(), function.stderr())
          .isTrue();
      return new RuntimeClientRun(answer, lines);
    }
  }

  /** The response document the function answered with. */
  public JsonNode response() {
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException("the answer is not JSON: " + answer.body(), e);
    }
  }

  /** Asserts that the function logged, and that every line carries a level and a message. */
  public void assertLogsStructuredLines() {
    assertThat(lines)
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line.has("level") && line.has("message")).isTrue());
  }

  /** The lines logged while answering: those carrying the invocation's request id. */
  public List<JsonNode> invocationLines() {
    return lines.stream()
        .filter(line -> line.path("requestId").asText().equals(answer.requestId()))
        .toList();
  }
}
