package dev.keywarden.checks;

import dev.keywarden.config.AuditPolicy;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An exemption in force for a user: until a day (inclusive, UTC), why, and for which checks. Only a
 * central {@link ExemptionGrant} creates one; the user's exemption tags are a request, and can only
 * narrow a grant (an earlier end, fewer checks), never widen it.
 *
 * @param until the last day covered
 * @param reason why the user is exempt
 * @param checks the check ids covered; empty means every check that can be exempted
 */
record Exemption(LocalDate until, String reason, Set<String> checks) {
  /**
   * Checks no exemption may silence: the exemption's own validity, requests, and coverage of the
   * account.
   */
  static final Set<String> NOT_EXEMPTABLE =
      Set.of(
          TagInvalidCheck.METADATA.id(),
          AccountNotAuditedCheck.METADATA.id(),
          ExemptionRequestedCheck.METADATA.id());

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  Exemption {
    checks = Set.copyOf(checks);
  }

  /**
   * What the tags say, part by part: the requested end day and checks where they can be read, and
   * what is wrong with the rest.
   *
   * @param tagged whether any exemption tag is set
   * @param until the requested end day, when the tag is a date
   * @param reason the requested reason, when non-blank
   * @param checks the valid check ids requested, when the checks tag is set (empty: none of them
   *     valid)
   * @param problems each thing wrong with the tags, exactly
   */
  record Reading(
      boolean tagged,
      Optional<LocalDate> until,
      Optional<String> reason,
      Optional<Set<String>> checks,
      List<String> problems) {
    Reading {
      problems = List.copyOf(problems);
    }

    /** The exemption the tags describe on their own, when every part is readable. */
    Optional<Exemption> exemption() {
      if (!problems.isEmpty() || until.isEmpty() || reason.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Exemption(until.get(), reason.get(), checks.orElse(Set.of())));
    }
  }

  boolean activeOn(LocalDate day) {
    return !day.isAfter(until);
  }

  boolean covers(String checkId) {
    return !NOT_EXEMPTABLE.contains(checkId) && (checks.isEmpty() || checks.contains(checkId));
  }

  /**
   * The grant, narrowed by what the user's tags validly ask: an earlier end day, and only the valid
   * check ids the tag lists. Empty when the narrowing leaves no check.
   */
  static Optional<Exemption> granted(ExemptionGrant grant, Reading tags) {
    LocalDate until = tags.until().filter(d -> d.isBefore(grant.until())).orElse(grant.until());
    Set<String> checks = grant.checks();
    if (tags.checks().isPresent()) {
      Set<String> asked = tags.checks().get();
      if (asked.isEmpty()) {
        return Optional.empty();
      }
      if (checks.isEmpty()) {
        checks = asked;
      } else {
        Set<String> both = new LinkedHashSet<>(checks);
        both.retainAll(asked);
        if (both.isEmpty()) {
          return Optional.empty();
        }
        checks = both;
      }
    }
    return Optional.of(
        new Exemption(until, grant.reason() + " (granted by " + grant.grantedBy() + ")", checks));
  }

  /** Reads the exemption tags part by part; each malformed part is named in the problems. */
  static Reading read(Map<String, String> tags, Set<String> knownCheckIds) {
    String untilText = tags.get(AuditPolicy.EXEMPT_UNTIL_TAG);
    String reason = tags.get(AuditPolicy.EXEMPT_REASON_TAG);
    String checksText = tags.get(AuditPolicy.EXEMPT_CHECKS_TAG);
    boolean tagged = untilText != null || reason != null || checksText != null;
    List<String> problems = new ArrayList<>();
    Optional<LocalDate> until = Optional.empty();
    if (untilText == null) {
      if (tagged) {
        problems.add(
            (reason != null ? AuditPolicy.EXEMPT_REASON_TAG : AuditPolicy.EXEMPT_CHECKS_TAG)
                + " is set without "
                + AuditPolicy.EXEMPT_UNTIL_TAG
                + "; an exemption needs an end date (YYYY-MM-DD)");
      }
    } else {
      try {
        if (!DATE.matcher(untilText.trim()).matches()) {
          throw new DateTimeParseException("not YYYY-MM-DD", untilText, 0);
        }
        until = Optional.of(LocalDate.parse(untilText.trim()));
      } catch (DateTimeParseException e) {
        problems.add(
            AuditPolicy.EXEMPT_UNTIL_TAG
                + " is '"
                + untilText
                + "', not a date (expected YYYY-MM-DD such as 2026-12-31)");
      }
      if (reason == null || reason.isBlank()) {
        problems.add(
            AuditPolicy.EXEMPT_REASON_TAG + " is missing or blank; an exemption needs a reason");
      }
    }
    Optional<Set<String>> checks = Optional.empty();
    if (checksText != null) {
      if (checksText.isBlank()) {
        problems.add(
            AuditPolicy.EXEMPT_CHECKS_TAG
                + " is blank; list space-separated check ids, or remove it to cover every check");
      } else {
        Set<String> valid = new LinkedHashSet<>();
        for (String id : checksText.trim().split("\\s+")) {
          if (!knownCheckIds.contains(id)) {
            problems.add(
                AuditPolicy.EXEMPT_CHECKS_TAG
                    + " names '"
                    + id
                    + "', which is not a check id"
                    + " (only the valid ids listed can be honoured)");
          } else if (NOT_EXEMPTABLE.contains(id)) {
            problems.add(
                AuditPolicy.EXEMPT_CHECKS_TAG + " names '" + id + "', which cannot be exempted");
          } else {
            valid.add(id);
          }
        }
        checks = Optional.of(valid);
      }
    }
    Optional<String> readReason =
        reason == null || reason.isBlank() ? Optional.empty() : Optional.of(reason.trim());
    return new Reading(tagged, until, readReason, checks, problems);
  }
}
