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

  /**
   * A builder for the stored form of {@code finding} in {@code accountId}: its identity, text,
   * severity and deadline are taken from the finding; status, first seen and version are still to
   * be set; the rest starts empty.
   */
  public static Builder from(String accountId, Finding finding) {
    return new Builder()
        .accountId(accountId)
        .checkId(finding.checkId())
        .resourceId(finding.resourceId())
        .principal(finding.principal())
        .severity(finding.severity())
        .title(finding.title())
        .message(finding.message())
        .deadline(finding.deadline());
  }

  /** An empty builder: every optional starts empty, everything else must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this finding's every component, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .accountId(accountId)
        .checkId(checkId)
        .resourceId(resourceId)
        .principal(principal)
        .severity(severity)
        .title(title)
        .message(message)
        .status(status)
        .firstSeen(firstSeen)
        .resolvedAt(resolvedAt)
        .deadline(deadline)
        .exemptUntil(exemptUntil)
        .exemptReason(exemptReason)
        .version(version);
  }

  /** Names each component it sets; {@link #build()} checks them as the record does. */
  public static final class Builder {
    private String accountId;
    private String checkId;
    private String resourceId;
    private String principal;
    private Severity severity;
    private String title;
    private String message;
    private FindingStatus status;
    private Instant firstSeen;
    private Optional<Instant> resolvedAt = Optional.empty();
    private Optional<Instant> deadline = Optional.empty();
    private Optional<LocalDate> exemptUntil = Optional.empty();
    private Optional<String> exemptReason = Optional.empty();
    private long version;
    private boolean versionSet;

    private Builder() {}

    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    public Builder checkId(String checkId) {
      this.checkId = checkId;
      return this;
    }

    public Builder resourceId(String resourceId) {
      this.resourceId = resourceId;
      return this;
    }

    public Builder principal(String principal) {
      this.principal = principal;
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public Builder status(FindingStatus status) {
      this.status = status;
      return this;
    }

    public Builder firstSeen(Instant firstSeen) {
      this.firstSeen = firstSeen;
      return this;
    }

    public Builder resolvedAt(Optional<Instant> resolvedAt) {
      this.resolvedAt = resolvedAt;
      return this;
    }

    public Builder deadline(Optional<Instant> deadline) {
      this.deadline = deadline;
      return this;
    }

    public Builder exemptUntil(Optional<LocalDate> exemptUntil) {
      this.exemptUntil = exemptUntil;
      return this;
    }

    public Builder exemptReason(Optional<String> exemptReason) {
      this.exemptReason = exemptReason;
      return this;
    }

    public Builder version(long version) {
      this.version = version;
      this.versionSet = true;
      return this;
    }

    /**
     * The finding.
     *
     * @throws NullPointerException naming the first component left unset
     * @throws IllegalStateException when the version was not set
     */
    public StoredFinding build() {
      if (!versionSet) {
        throw new IllegalStateException("a stored finding needs its version");
      }
      return new StoredFinding(
          accountId,
          checkId,
          resourceId,
          principal,
          severity,
          title,
          message,
          status,
          firstSeen,
          resolvedAt,
          deadline,
          exemptUntil,
          exemptReason,
          version);
    }
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
