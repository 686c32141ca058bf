package dev.keywarden.audit;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.findings.Reconciliation;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.remediate.DeactivationReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run did for one account.
 *
 * @param accountId the account
 * @param runId the run
 * @param status whether the run did the work, found another run doing it, could not audit, or ran
 *     out of time
 * @param result the audit's findings (empty when not audited or skipped)
 * @param reconciliation what changed in the findings table
 * @param deactivation what happened to expired keys
 * @param noticesPublished ids of the drafts published in this run (including re-published ones)
 * @param summary the summary item written, if any
 */
public record RunOutcome(
    String accountId,
    String runId,
    Status status,
    Optional<AuditResult> result,
    Optional<Reconciliation> reconciliation,
    Optional<DeactivationReport> deactivation,
    List<String> noticesPublished,
    Optional<RunSummary> summary) {

  /** How a run ended for its account. */
  public enum Status {
    /** The account was audited, reconciled, and acted on. */
    COMPLETED,
    /** Another run held the account's lease; this one did nothing. */
    SKIPPED_BUSY,
    /**
     * This run had already completed the account (a repeated delivery of its request); nothing was
     * done again.
     */
    ALREADY_DONE,
    /** The account could not be audited; an account-not-audited finding records why. */
    NOT_AUDITED,
    /**
     * The run reached its deadline and stopped before finishing: what it did is recorded, what is
     * left (deactivations, notices, the summary) is for the next run of the account.
     */
    INCOMPLETE
  }

  public RunOutcome {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(reconciliation, "reconciliation");
    Objects.requireNonNull(deactivation, "deactivation");
    noticesPublished = List.copyOf(noticesPublished);
    Objects.requireNonNull(summary, "summary");
  }

  /**
   * A run that did no work for the account (it was busy, already done, or not started before the
   * deadline): no result, reconciliation, deactivation, notices or summary.
   */
  public static RunOutcome untouched(String accountId, String runId, Status status) {
    return new RunOutcome(
        accountId,
        runId,
        status,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty());
  }

  /** A run that could not audit the account; {@code summary} says why. */
  public static RunOutcome notAudited(String accountId, String runId, RunSummary summary) {
    return new RunOutcome(
        accountId,
        runId,
        Status.NOT_AUDITED,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.of(summary));
  }

  /** A run that did every step and wrote {@code summary}. */
  public static RunOutcome completed(
      String accountId,
      String runId,
      AuditResult result,
      Reconciliation reconciliation,
      DeactivationReport deactivation,
      List<String> noticesPublished,
      RunSummary summary) {
    return new RunOutcome(
        accountId,
        runId,
        Status.COMPLETED,
        Optional.of(result),
        Optional.of(reconciliation),
        Optional.of(deactivation),
        noticesPublished,
        Optional.of(summary));
  }

  /**
   * A run that stopped at its deadline after reconciling: what it did so far, and no summary (the
   * next run of the account writes it).
   */
  public static RunOutcome incomplete(
      String accountId,
      String runId,
      AuditResult result,
      Reconciliation reconciliation,
      DeactivationReport deactivation,
      List<String> noticesPublished) {
    return new RunOutcome(
        accountId,
        runId,
        Status.INCOMPLETE,
        Optional.of(result),
        Optional.of(reconciliation),
        Optional.of(deactivation),
        noticesPublished,
        Optional.empty());
  }

  /**
   * How many findings the checks made, 0 when the run did not check the account: what a handler
   * logs.
   */
  public int findingCount() {
    return result.map(r -> r.findings().size()).orElse(0);
  }
}
