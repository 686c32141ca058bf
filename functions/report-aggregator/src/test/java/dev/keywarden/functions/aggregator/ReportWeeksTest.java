package dev.keywarden.functions.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import dev.keywarden.findings.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportWeeksTest {
  @ParameterizedTest
  @CsvSource({
    // The default schedule, Monday 07:00: the Monday-to-Sunday week just ended.
    "2026-11-30T07:00:00Z, 2026-W48",
    // The very start of a week: the week before has just ended.
    "2026-11-30T00:00:00Z, 2026-W48",
    // The last instant of a Sunday: its own week has not ended yet.
    "2026-11-29T23:59:59.999Z, 2026-W47",
    // A retry two days late still reports the same week.
    "2026-12-02T12:00:00Z, 2026-W48",
    // 2026 has 53 ISO weeks (it starts on a Thursday): its last ends on Sunday 2027-01-03.
    "2027-01-04T07:00:00Z, 2026-W53",
    // 2025 has 52; its last week ends on Sunday 2025-12-28, and 2026-W01 starts the next day.
    "2026-01-01T07:00:00Z, 2025-W52",
    "2026-01-05T07:00:00Z, 2026-W01",
    // 2027 has 52 weeks; its last ends on Sunday 2028-01-02.
    "2028-01-03T07:00:00Z, 2027-W52",
    "2021-01-04T07:00:00Z, 2020-W53"
  })
  void endedBefore_whenScheduledAt_isTheLastWholeIsoWeekBefore(String at, String expected) {
    assertThat(ReportWeeks.endedBefore(Instant.parse(at))).isEqualTo(expected);
  }

  @Test
  void endedBefore_atEveryHourForFiveYears_isAWeekThatEndedLessThanAWeekBefore() {
    Instant first = Instant.parse("2025-12-01T00:00:00Z");
    for (Instant at = first;
        at.isBefore(first.plus(Duration.ofDays(5 * 366)));
        at = at.plus(Duration.ofHours(1))) {
      Instant weekEnd = IsoWeek.start(ReportWeeks.endedBefore(at)).plus(Duration.ofDays(7));

      assertThat(weekEnd)
          .as("end of the week reported at %s", at)
          .isBeforeOrEqualTo(at)
          .isAfter(at.minus(Duration.ofDays(7)));
    }
  }

  @Test
  void endedBefore_whenNoTime_throwsNamingTheExpectedEvent() {
    assertThatThrownBy(() -> ReportWeeks.endedBefore(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected an EventBridge Scheduled Event");
  }
}
