package dev.keywarden.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
}
