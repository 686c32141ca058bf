package dev.keywarden.findings;

import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A finding as the findings table remembers it across runs.
 *
 * <p>Identified by {@code (accountId, checkId, resourceId)}. Rewritten only when something that
 * matters changes (status, severity, deadline, exemption), never merely because a run saw it again,
 * so that a steady-state run writes almost nothing; the message is kept as of the last such change.
 *
 * @param accountId the account
 * @param checkId the check that found it
 * @param resourceId what it is about (see {@link dev.keywarden.checks.Finding#resourceId()})
 * @param principal the user name, {@code <root_account>} or {@code <account>}
 * @param severity the check's severity
 * @param title the check's title
 * @param message the finding's text when last written
 * @param status open, resolved or exempt
 * @param firstSeen when a run first found it (kept across resolve and reopen: a reopened finding
 *     starts again from the run that found it again)
 * @param resolvedAt when a run first no longer found it; empty unless resolved
 * @param deadline for key findings, the key's deadline
 * @param exemptUntil for exempt findings, the last exempt day
 * @param exemptReason for exempt findings, the tag's reason
 * @param version optimistic-locking counter, incremented by every write
 */
public record StoredFinding(
    String accountId,
    String checkId,
    String resourceId,
    String principal,
    Severity severity,
    String title,
    String message,
    FindingStatus status,
    Instant firstSeen,
    Optional<Instant> resolvedAt,
    Optional<Instant> deadline,
    Optional<LocalDate> exemptUntil,
    Optional<String> exemptReason,
    long version) {
  public StoredFinding {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(checkId, "checkId");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(exemptUntil, "exemptUntil");
    Objects.requireNonNull(exemptReason, "exemptReason");
  }

  /** The finding as a run reports it, without its history. */
  public Finding asFinding() {
    return new Finding(
        checkId, severity, accountId, principal, resourceId, title, message, deadline);
  }

  /** The identity of this finding within its account: check id and resource id. */
  public String key() {
    return key(checkId, resourceId);
  }

  public static String key(String checkId, String resourceId) {
    return checkId + "#" + resourceId;
  }
}
