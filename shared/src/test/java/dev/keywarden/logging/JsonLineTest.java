package dev.keywarden.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode parse(String line) {
    assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void render_writesTheFieldsInTheTemplatesOrderAndLeavesOutWhatIsUnset() {
    String line =
        JsonLine.render(
            1_764_680_000_123L,
            "INFO",
            "dev.keywarden.audit.OrgAuditor",
            "audited 3 users",
            Map.of("accountId", "111122223333", "runId", "run-1")::get,
            null);

    assertThat(line)
        .isEqualTo(
            "{\"timestamp\":\"2025-12-02T12:53:20.123Z\",\"level\":\"INFO\","
                + "\"logger\":\"dev.keywarden.audit.OrgAuditor\",\"message\":\"audited 3 users\","
                + "\"runId\":\"run-1\",\"accountId\":\"111122223333\"}\n");
  }

  @Test
  void render_carriesEveryContextKey() {
    JsonNode line =
        parse(
            JsonLine.render(
                0L,
                "WARN",
                "x",
                "m",
                Map.of("runId", "r", "accountId", "a", "messageId", "m-1", "requestId", "q")::get,
                null));

    assertThat(iterable(line))
        .containsExactly(
            "timestamp",
            "level",
            "logger",
            "message",
            "runId",
            "accountId",
            "messageId",
            "requestId");
    assertThat(line.path("messageId").asText()).isEqualTo("m-1");
    assertThat(line.path("requestId").asText()).isEqualTo("q");
  }

  @Test
  void render_describesAnExceptionWithItsCauses() {
    IllegalStateException error =
        new IllegalStateException("table missing", new IOException("connection \"reset\""));

    JsonNode line = parse(JsonLine.render(0L, "ERROR", "x", "run failed", key -> null, error));

    assertThat(line.path("error.type").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(line.path("error.message").asText()).isEqualTo("table missing");
    assertThat(line.path("error.stack").asText())
        .startsWith("java.lang.IllegalStateException: table missing\n\tat ")
        .contains("Caused by: java.io.IOException: connection \"reset\"");
  }

  @Test
  void render_leavesOutTheMessageOfAnExceptionThatHasNone() {
    JsonNode line =
        parse(JsonLine.render(0L, "ERROR", "x", "m", key -> null, new NullPointerException()));

    assertThat(line.path("error.type").asText()).isEqualTo("java.lang.NullPointerException");
    assertThat(line.has("error.message")).isFalse();
    assertThat(line.has("error.stack")).isTrue();
  }

  @Test
  void escape_readsBackAsTheSameStringForEveryControlCharacterQuoteAndNonAsciiCharacter() {
    StringBuilder every = new StringBuilder("quote \" backslash \\ slash / ");
    for (char c = 0; c < 0x20; c++) {
      every.append(c);
    }
    every.append("\u007f é ü \u2028 \u2029 \uD83D\uDD11 日本 end");
    String value = every.toString();

    JsonNode line = parse(JsonLine.render(0L, "INFO", "x", value, key -> null, null));

    assertThat(line.path("message").asText()).isEqualTo(value);
  }

  @Test
  void escape_writesNoRawControlCharacter() {
    StringBuilder out = new StringBuilder();
    JsonLine.escape(out, "a\u0000b\u001fc\nd\te");

    assertThat(out.toString()).isEqualTo("a\\u0000b\\u001fc\\nd\\te");
  }

  @Test
  void timestamp_isUtcWithThreeDigitsOfMillisecondsAlways() {
    assertThat(
            parse(JsonLine.render(0L, "INFO", "x", "m", k -> null, null))
                .path("timestamp")
                .asText())
        .isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(
            parse(JsonLine.render(1_796_169_599_007L, "INFO", "x", "m", k -> null, null))
                .path("timestamp")
                .asText())
        .isEqualTo("2026-12-01T23:59:59.007Z");
  }

  private static Iterable<String> iterable(JsonNode node) {
    return node::fieldNames;
  }
}
