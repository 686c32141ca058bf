package dev.keywarden.checks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * An exemption the security team granted centrally ({@code keywarden exempt}): the only thing that
 * sets a user's findings aside, because a user's own tags are writable by whoever may tag the user.
 *
 * @param accountId the user's account
 * @param userName the IAM user exempted
 * @param until the last day covered (inclusive, UTC)
 * @param reason why, as the security team gave it
 * @param checks the check ids covered; empty means every check that can be exempted
 * @param grantedBy the ARN of the caller who granted it
 * @param grantedAt when it was granted
 */
public record ExemptionGrant(
    String accountId,
    String userName,
    LocalDate until,
    String reason,
    Set<String> checks,
    String grantedBy,
    Instant grantedAt) {
  /**
   * Checks no grant may cover: the exemption tags' own validity, requests, and coverage of the
   * account.
   */
  public static final Set<String> NOT_EXEMPTABLE = Exemption.NOT_EXEMPTABLE;

  public ExemptionGrant {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(reason, "reason");
    checks = Set.copyOf(checks);
    Objects.requireNonNull(grantedBy, "grantedBy");
    Objects.requireNonNull(grantedAt, "grantedAt");
  }

  /** Whether the grant still applies on the day (UTC). */
  public boolean activeOn(LocalDate day) {
    return !day.isAfter(until);
  }

  /**
   * Whether the grant covers the check; the exemption's own checks and account coverage never are.
   */
  public boolean covers(String checkId) {
    return !Exemption.NOT_EXEMPTABLE.contains(checkId)
        && (checks.isEmpty() || checks.contains(checkId));
  }

  /** "every check" or the space-separated ids, for messages and the report. */
  public String checksText() {
    return checks.isEmpty() ? "every check" : String.join(" ", new java.util.TreeSet<>(checks));
  }
}
