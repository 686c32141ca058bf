package dev.keywarden.findings;

import dev.keywarden.InvalidInputException;
import dev.keywarden.checks.CheckCatalog;
import dev.keywarden.checks.ExemptionGrant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a central exemption grant must satisfy before it is recorded: a real account and user, an
 * end day from today to the configured ceiling, a reason, and checks that exist and can be
 * exempted.
 */
public final class GrantRules {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern USER_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Set<String> NOT_EXEMPTABLE = ExemptionGrant.NOT_EXEMPTABLE;

  private GrantRules() {}

  /**
   * The grant the flags describe, granted by {@code grantedBy} at {@code at}.
   *
   * @param checksText space- or comma-separated check ids; null or blank for every check
   * @throws InvalidInputException naming the flag, the value and what it accepts
   */
  public static ExemptionGrant grant(
      String accountId,
      String userName,
      String untilText,
      String reason,
      String checksText,
      int maxExemptionDays,
      String grantedBy,
      Instant at) {
    account(accountId);
    user(userName);
    LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
    LocalDate until = until(untilText);
    if (until.isBefore(today)) {
      throw new InvalidInputException(
          "--until: "
              + until
              + " is before today ("
              + today
              + "); an exemption ends today or later");
    }
    LocalDate ceiling = today.plusDays(maxExemptionDays);
    if (until.isAfter(ceiling)) {
      throw new InvalidInputException(
          "--until: "
              + until
              + " is more than max-exemption-days ("
              + maxExemptionDays
              + ") ahead; the latest allowed today is "
              + ceiling
              + " (grant again before it ends to extend it)");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException(
          "--reason must say why the user is exempt (kept with the grant and shown in the report)");
    }
    if (reason.strip().length() > 500) {
      throw new InvalidInputException(
          "--reason is " + reason.strip().length() + " characters; at most 500");
    }
    return new ExemptionGrant(
        accountId, userName, until, reason.strip(), checks(checksText), grantedBy, at);
  }

  public static void account(String accountId) {
    if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
      throw new InvalidInputException(
          "--account: '" + accountId + "' is not a 12-digit AWS account id");
    }
  }

  public static void user(String userName) {
    if (userName == null || !USER_NAME.matcher(userName).matches()) {
      throw new InvalidInputException(
          "--user: '"
              + userName
              + "' is not an IAM user name (1 to 64 letters, digits or +=,.@_-)");
    }
  }

  private static LocalDate until(String text) {
    if (text == null) {
      throw new InvalidInputException(
          "--until is required: the last day (YYYY-MM-DD, UTC) the exemption covers");
    }
    try {
      if (!DATE.matcher(text.strip()).matches()) {
        throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
      }
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "--until: '" + text + "' is not a date; use YYYY-MM-DD such as 2026-12-31");
    }
  }

  private static Set<String> checks(String text) {
    if (text == null || text.isBlank()) {
      return Set.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String id : text.strip().split("[\\s,]+")) {
      if (!CheckCatalog.ids().contains(id)) {
        Set<String> valid = new TreeSet<>(CheckCatalog.ids());
        valid.removeAll(NOT_EXEMPTABLE);
        throw new InvalidInputException(
            "--checks: '"
                + id
                + "' is not a check id; exemptable checks: "
                + String.join(" ", valid));
      }
      if (NOT_EXEMPTABLE.contains(id)) {
        throw new InvalidInputException("--checks: '" + id + "' cannot be exempted");
      }
      ids.add(id);
    }
    return ids;
  }
}
