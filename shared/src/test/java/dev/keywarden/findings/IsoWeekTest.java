package dev.keywarden.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsoWeekTest {
  @ParameterizedTest
  @CsvSource({
    "2026-11-24T06:00:00Z, 2026-W48",
    "2026-01-05T00:00:00Z, 2026-W02",
    "2027-01-01T12:00:00Z, 2026-W53",
    "2024-12-30T00:00:00Z, 2025-W01",
    "2026-11-29T23:59:59Z, 2026-W48",
    "2026-11-30T00:00:00Z, 2026-W49",
  })
  void of_whenInstantGiven_namesItsUtcIsoWeek(Instant at, String week) {
    assertThat(IsoWeek.of(at)).isEqualTo(week);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-W48, 2026-11-23T00:00:00Z",
    "2026-W53, 2026-12-28T00:00:00Z",
    "2025-W01, 2024-12-30T00:00:00Z",
  })
  void start_isTheMondayOfTheWeekAtMidnightUtc(String week, Instant monday) {
    assertThat(IsoWeek.start(week)).isEqualTo(monday);
    assertThat(IsoWeek.of(monday)).isEqualTo(week);
  }

  @Test
  void minus_crossesYearBoundaries() {
    assertThat(IsoWeek.minus("2027-W01", 1)).isEqualTo("2026-W53");
    assertThat(IsoWeek.minus("2026-W48", 8)).isEqualTo("2026-W40");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-48|is not an ISO week; write it like 2026-W48",
        "2025-W53|2025 has weeks 1 to 52",
        "2026-W00|2026 has weeks 1 to 53",
      })
  void start_whenTheWeekIsBad_namesIt(String week, String expected) {
    assertThatThrownBy(() -> IsoWeek.start(week))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(expected);
  }
}
