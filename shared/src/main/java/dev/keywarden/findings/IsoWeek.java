package dev.keywarden.findings;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/**
 * Names the ISO-8601 week of an instant (UTC), such as {@code 2026-W48}: the key under which the
 * weekly report finds the run summaries of its week, and the folder its files go to.
 */
public final class IsoWeek {
  private IsoWeek() {}

  /** The week-based year and week number of {@code at} in UTC, as {@code YYYY-Www}. */
  public static String of(Instant at) {
    ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
    return String.format("%d-W%02d", utc.get(IsoFields.WEEK_BASED_YEAR), utc.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
