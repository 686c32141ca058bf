package dev.keywarden.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RunIdsTest {
  @ParameterizedTest
  @CsvSource({
    "2026-11-24T06:00:00Z, cdc73f9d-aea9-11e3-9d5a-835b769c0d9c, run-20261124T060000Z-cdc73f9d",
    "2026-01-02T23:59:59.999Z, AB12-cd, run-20260102T235959Z-ab12cd",
    "2026-11-24T06:00:00Z, 7, run-20261124T060000Z-7"
  })
  void of_whenEventTimeAndId_namesTheRunCompactly(String time, String id, String expected) {
    assertThat(RunIds.of(Instant.parse(time), id)).isEqualTo(expected);
  }

  @Test
  void of_whenNamed_isAValidAuditRequestRunId() {
    String runId = RunIds.of(Instant.parse("2026-11-24T06:00:00Z"), "cdc73f9d-aea9");

    assertThat(new AuditRequest(runId, "123456789012").runId()).isEqualTo(runId);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"---", " "})
  void of_whenIdHasNoLettersOrDigits_throwsNamingTheExpectedEvent(String id) {
    assertThatThrownBy(() -> RunIds.of(Instant.parse("2026-11-24T06:00:00Z"), id))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected an EventBridge Scheduled Event");
  }

  @Test
  void of_whenNoTime_throwsNamingTheExpectedEvent() {
    assertThatThrownBy(() -> RunIds.of(null, "cdc73f9d"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has no time");
  }

  @Test
  void forCommand_isNamedByTheStartTimeWithoutColonsAndARandomSuffix() {
    Instant now = Instant.parse("2026-11-24T06:00:00.123Z");

    String first = RunIds.forCommand(now);

    assertThat(first).matches("cli-2026-11-24T060000\\.123Z-[0-9a-f]{8}");
    assertThat(RunIds.forCommand(now))
        .as("a second command in the same instant")
        .isNotEqualTo(first);
    assertThat(new AuditRequest(first, "123456789012").runId()).isEqualTo(first);
  }
}
