package dev.keywarden.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventPayloadTest {
  private static InputStream payload(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void scheduled_whenTheSampleDailyEvent_readsItsIdTimeAndRunId() throws Exception {
    EventPayload.Scheduled event =
        EventPayload.scheduled(
            Files.newInputStream(Path.of("..", "events", "scheduled-daily.json")));

    assertThat(event.time()).isEqualTo(Instant.parse("2026-11-24T06:00:00Z"));
    assertThat(event.runId()).isEqualTo("run-20261124T060000Z-cdc73f9d");
  }

  @Test
  void scheduled_whenTheEventHasNoId_readsAnEmptyId() throws Exception {
    assertThat(EventPayload.scheduled(payload("{\"time\": \"2026-11-30T07:00:00Z\"}")).id())
        .isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``|got an empty payload",
        "null|got JSON null",
        "[1]|got a JSON array",
        "true|got a JSON boolean",
        "{not json|not JSON",
        "{}|got an object without a time (fields [])",
        "{\"time\": 5}|got a JSON number: 5",
        "{\"time\": \"2026-11-24\"}|got '2026-11-24'",
        "{\"id\": [], \"time\": \"2026-11-24T06:00:00Z\"}|id must be a string, got a JSON array"
      })
  void scheduled_whenMalformed_throwsNamingWhatWasExpectedAndWhatArrived(
      String text, String message) {
    assertThatThrownBy(() -> EventPayload.scheduled(payload(text)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message)
        .hasMessageContaining("Scheduled Event");
  }

  @Test
  void object_whenEmpty_namesWhatTheCallerExpects() {
    assertThatThrownBy(() -> EventPayload.object(payload(""), "expected a batch"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("expected a batch, got an empty payload");
  }
}
