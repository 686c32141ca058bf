package dev.keywarden.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonLinesContextTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final AtomicReference<PrintStream> out =
      new AtomicReference<>(new PrintStream(written, false, StandardCharsets.UTF_8));

  private JsonLinesContext context(Map<String, String> environment) {
    return new JsonLinesContext(LogLevels.from(environment), () -> 0L, out::get);
  }

  private List<JsonNode> lines() throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : written.toString(StandardCharsets.UTF_8).split("\n", -1)) {
      if (!line.isEmpty()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  @AfterEach
  void clearThreadContext() {
    ThreadContext.clearMap();
  }

  @Test
  void logger_writesEventsAtOrAboveItsThresholdOnly() throws IOException {
    ExtendedLogger log = context(Map.of()).getLogger("dev.keywarden.audit.OrgAuditor");

    log.debug("not at info");
    log.info("audited {} users in {}", 3, "111122223333");
    log.error("failed");

    assertThat(lines())
        .extracting(line -> line.path("level").asText() + " " + line.path("message").asText())
        .containsExactly("INFO audited 3 users in 111122223333", "ERROR failed");
    assertThat(log.isDebugEnabled()).isFalse();
    assertThat(log.isInfoEnabled()).isTrue();
    assertThat(log.getLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void logger_takesATrailingThrowableArgumentAsTheEventsError() throws IOException {
    ExtendedLogger log = context(Map.of()).getLogger("x");

    log.warn("could not read {}", "the report", new IllegalArgumentException("bad row"));

    JsonNode line = lines().get(0);
    assertThat(line.path("message").asText()).isEqualTo("could not read the report");
    assertThat(line.path("error.type").asText()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(line.path("error.message").asText()).isEqualTo("bad row");
  }

  @Test
  void logger_writesTheThreadContextOfTheLoggingThread() throws IOException {
    ExtendedLogger log = context(Map.of()).getLogger("x");

    ThreadContext.put("runId", "run-20261124T060000Z-cdc73f9d");
    ThreadContext.put("accountId", "111122223333");
    log.info("with context");
    ThreadContext.clearMap();
    log.info("without");

    List<JsonNode> lines = lines();
    assertThat(lines.get(0).path("runId").asText()).isEqualTo("run-20261124T060000Z-cdc73f9d");
    assertThat(lines.get(0).path("accountId").asText()).isEqualTo("111122223333");
    assertThat(lines.get(1).has("runId")).isFalse();
  }

  @Test
  void sdkLoggers_followTheirOwnThreshold() throws IOException {
    JsonLinesContext context = context(Map.of("KEYWARDEN_SDK_LOG_LEVEL", "debug"));

    context.getLogger("software.amazon.awssdk.request").debug("sdk detail");
    context.getLogger("dev.keywarden.aws.AwsClientFactory").debug("ours, below info");

    assertThat(lines()).extracting(l -> l.path("message").asText()).containsExactly("sdk detail");
  }

  @Test
  void linesGoToTheStandardOutputAsItIsWhenWritten() {
    ExtendedLogger log = context(Map.of()).getLogger("x");
    ByteArrayOutputStream later = new ByteArrayOutputStream();

    out.set(new PrintStream(later, false, StandardCharsets.UTF_8));
    log.info("après");

    assertThat(written.size()).isZero();
    assertThat(later.toString(StandardCharsets.UTF_8)).contains("\"message\":\"après\"");
  }

  @Test
  void aLevelThatNamesNoLevel_isReportedOnceAndTheDefaultUsed() throws IOException {
    JsonLinesContext context = context(Map.of("KEYWARDEN_LOG_LEVEL", "loud"));

    context.getLogger("x").info("still logged");

    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).path("level").asText()).isEqualTo("WARN");
    assertThat(lines.get(0).path("logger").asText()).isEqualTo(JsonLinesContext.class.getName());
    assertThat(lines.get(0).path("message").asText())
        .isEqualTo(
            "KEYWARDEN_LOG_LEVEL is 'loud', which is not one of off, fatal, error, warn, info,"
                + " debug, trace, all: logging at info instead");
    assertThat(lines.get(1).path("message").asText()).isEqualTo("still logged");
  }

  @Test
  void theSameNameGivesTheSameLogger() {
    JsonLinesContext context = context(Map.of());

    assertThat(context.getLogger("x")).isSameAs(context.getLogger("x"));
    assertThat(context.hasLogger("x")).isTrue();
    assertThat(context.hasLogger("y")).isFalse();
  }
}
