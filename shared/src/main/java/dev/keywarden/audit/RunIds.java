package dev.keywarden.audit;

import dev.keywarden.InvalidInputException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * Names a run after the schedule event that started it, so that a retried invocation of the same
 * event reuses the run id (and the findings table's per-run items) instead of starting a second
 * run. The dispatcher and the single-account auditor name their runs alike.
 */
public final class RunIds {
  private static final DateTimeFormatter COMPACT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int ID_PREFIX = 8;

  private RunIds() {}

  /**
   * {@code run-20261124T060000Z-cdc73f9d} for an event at 06:00 UTC whose id starts {@code
   * cdc73f9d}.
   */
  public static String of(Instant eventTime, String eventId) {
    if (eventTime == null) {
      throw new InvalidInputException(
          "the scheduled event has no time: expected an EventBridge Scheduled Event");
    }
    String id = eventId == null ? "" : eventId.replaceAll("[^A-Za-z0-9]", "");
    if (id.isEmpty()) {
      throw new InvalidInputException(
          "the scheduled event has no id with letters or digits, got '"
              + (eventId == null ? "(nothing)" : eventId)
              + "': expected an EventBridge Scheduled Event");
    }
    return "run-"
        + COMPACT.format(eventTime)
        + "-"
        + id.substring(0, Math.min(ID_PREFIX, id.length())).toLowerCase(Locale.ROOT);
  }

  /**
   * {@code cli-2026-11-24T060000.123Z-1f0c2a9e}: a run the command starts, named by its start time
   * (colons left out, as in a file name) and a random suffix, since no event names it and two
   * commands may start in the same instant.
   */
  public static String forCommand(Instant now) {
    return "cli-"
        + now.toString().replace(":", "")
        + "-"
        + UUID.randomUUID().toString().substring(0, ID_PREFIX);
  }
}
