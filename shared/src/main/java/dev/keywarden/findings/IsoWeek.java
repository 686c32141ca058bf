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

  private static final java.util.regex.Pattern FORMAT =
      java.util.regex.Pattern.compile("(\\d{4})-W(\\d{2})");

  /**
   * The first instant (Monday 00:00 UTC) of a week written {@code YYYY-Www}.
   *
   * @throws dev.keywarden.InvalidInputException when the text is not such a week, or the year has
   *     no such week
   */
  public static Instant start(String isoWeek) {
    java.util.regex.Matcher m = FORMAT.matcher(isoWeek == null ? "" : isoWeek.strip());
    if (!m.matches()) {
      throw new dev.keywarden.InvalidInputException(
          "'" + isoWeek + "' is not an ISO week; write it like 2026-W48");
    }
    int year = Integer.parseInt(m.group(1));
    int week = Integer.parseInt(m.group(2));
    java.time.LocalDate jan4 = java.time.LocalDate.of(year, 1, 4);
    long weeks = jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    if (week < 1 || week > weeks) {
      throw new dev.keywarden.InvalidInputException(
          "'" + isoWeek + "' is not an ISO week: " + year + " has weeks 1 to " + weeks);
    }
    return jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(java.time.DayOfWeek.MONDAY)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  /** The week {@code n} weeks before {@code isoWeek}. */
  public static String minus(String isoWeek, int n) {
    return of(start(isoWeek).minus(java.time.Duration.ofDays(7L * n)));
  }

  /** The week-based year and week number of {@code at} in UTC, as {@code YYYY-Www}. */
  public static String of(Instant at) {
    ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
    return String.format(
        "%d-W%02d", utc.get(IsoFields.WEEK_BASED_YEAR), utc.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
