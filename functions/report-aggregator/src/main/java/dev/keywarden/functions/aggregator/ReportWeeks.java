package dev.keywarden.functions.aggregator;

import dev.keywarden.InvalidInputException;
import dev.keywarden.findings.IsoWeek;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Decides which week a scheduled report covers: the last whole ISO week (Monday to Sunday, UTC)
 * before the schedule fired, so that a Monday-morning report, and a late retry of it, describe a
 * finished week.
 */
final class ReportWeeks {
  private ReportWeeks() {}

  /**
   * The ISO week that ended last at or before {@code at}: {@code 2026-W48} for any time from Monday
   * 2026-11-30 00:00 UTC to the end of Sunday 2026-12-06.
   *
   * @throws InvalidInputException when there is no time
   */
  static String endedBefore(Instant at) {
    if (at == null) {
      throw new InvalidInputException(
          "the scheduled event has no time: expected an EventBridge Scheduled Event");
    }
    LocalDate thisMonday =
        at.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return IsoWeek.of(thisMonday.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
