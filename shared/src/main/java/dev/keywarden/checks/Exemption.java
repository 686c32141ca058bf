package dev.keywarden.checks;

import dev.keywarden.config.AuditPolicy;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A user's exemption as its tags state it: until a day (inclusive, UTC), why, and for which checks.
 *
 * @param until the last day covered
 * @param reason why the user is exempt
 * @param checks the check ids covered; empty means every check that can be exempted
 */
record Exemption(LocalDate until, String reason, Set<String> checks) {
  /** Checks no exemption may silence: the exemption's own validity, and coverage of the account. */
  static final Set<String> NOT_EXEMPTABLE = Set.of(TagInvalidCheck.METADATA.id(), AccountNotAuditedCheck.METADATA.id());

  Exemption {
    checks = Set.copyOf(checks);
  }

  /** What the tags say: an exemption, nothing, or what is wrong with them. */
  record Reading(Optional<Exemption> exemption, List<String> problems) {
    Reading {
      problems = List.copyOf(problems);
    }
  }

  boolean activeOn(LocalDate day) {
    return !day.isAfter(until);
  }

  boolean covers(String checkId) {
    return !NOT_EXEMPTABLE.contains(checkId) && (checks.isEmpty() || checks.contains(checkId));
  }

  /** Reads the exemption tags; malformed tags give problems and no exemption. */
  static Reading read(Map<String, String> tags, Set<String> knownCheckIds) {
    String untilText = tags.get(AuditPolicy.EXEMPT_UNTIL_TAG);
    String reason = tags.get(AuditPolicy.EXEMPT_REASON_TAG);
    String checksText = tags.get(AuditPolicy.EXEMPT_CHECKS_TAG);
    if (untilText == null) {
      if (reason == null && checksText == null) {
        return new Reading(Optional.empty(), List.of());
      }
      return new Reading(Optional.empty(), List.of((reason != null ? AuditPolicy.EXEMPT_REASON_TAG : AuditPolicy.EXEMPT_CHECKS_TAG)
          + " is set without " + AuditPolicy.EXEMPT_UNTIL_TAG + "; an exemption needs an end date (YYYY-MM-DD)"));
    }
    List<String> problems = new ArrayList<>();
    LocalDate until = null;
    try {
      until = LocalDate.parse(untilText.trim());
    } catch (DateTimeParseException e) {
      problems.add(AuditPolicy.EXEMPT_UNTIL_TAG + " is '" + untilText + "', not a date (expected YYYY-MM-DD such as 2026-12-31)");
    }
    if (reason == null || reason.isBlank()) {
      problems.add(AuditPolicy.EXEMPT_REASON_TAG + " is missing or blank; an exemption needs a reason");
    }
    Set<String> checks = Set.of();
    if (checksText != null) {
      List<String> ids = List.of(checksText.trim().split("\\s+"));
      if (checksText.isBlank()) {
        problems.add(AuditPolicy.EXEMPT_CHECKS_TAG + " is blank; list space-separated check ids, or remove it to cover every check");
      } else {
        for (String id : ids) {
          if (!knownCheckIds.contains(id)) {
            problems.add(AuditPolicy.EXEMPT_CHECKS_TAG + " names '" + id + "', which is not a check id");
          } else if (NOT_EXEMPTABLE.contains(id)) {
            problems.add(AuditPolicy.EXEMPT_CHECKS_TAG + " names '" + id + "', which cannot be exempted");
          }
        }
        checks = Set.copyOf(ids);
      }
    }
    if (!problems.isEmpty()) {
      return new Reading(Optional.empty(), problems);
    }
    return new Reading(Optional.of(new Exemption(until, reason.trim(), checks)), List.of());
  }
}
