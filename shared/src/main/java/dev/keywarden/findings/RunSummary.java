package dev.keywarden.findings;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One account's figures for one run: what the weekly report reads instead of scanning findings.
 *
 * @param accountId the account
 * @param runId the run
 * @param at when the run audited the account
 * @param audited false when the account could not be audited (then most counts are zero)
 * @param failure why it could not be audited
 * @param openBySeverity open findings per severity name (CRITICAL, HIGH, ...)
 * @param openByCheck open findings per check id
 * @param users IAM users
 * @param activeKeys active IAM user access keys (long-term credentials)
 * @param consoleUsers users with a console password
 * @param consoleUsersWithMfa console users with MFA
 * @param rootMfa whether root has MFA, when known
 * @param rootAccessKey whether root has an access key, when known
 * @param opened findings new in this run
 * @param resolved findings resolved in this run
 * @param exempt findings exempt after this run
 * @param deactivated keys deactivated in this run (never a dry run's)
 * @param deferred deactivations deferred by the per-run cap
 * @param notices notices published in this run
 * @param skippedChecks ids of the checks that could not judge the account in this run, sorted;
 *     their controls are "not judged", never passed; empty (unknown) for summaries written before
 *     it was recorded
 * @param unusedRoles roles {@code role-unused} condemned (open or exempt); empty when it was
 *     skipped or the summary predates it
 * @param wouldDeactivate keys a dry run would have deactivated (the key stays active), counted
 *     apart
 */
public record RunSummary(
    String accountId,
    String runId,
    Instant at,
    boolean audited,
    Optional<String> failure,
    Map<String, Integer> openBySeverity,
    Map<String, Integer> openByCheck,
    int users,
    int activeKeys,
    int consoleUsers,
    int consoleUsersWithMfa,
    Optional<Boolean> rootMfa,
    Optional<Boolean> rootAccessKey,
    int opened,
    int resolved,
    int exempt,
    int deactivated,
    int deferred,
    int notices,
    Optional<List<String>> skippedChecks,
    Optional<Integer> unusedRoles,
    int wouldDeactivate) {
  public RunSummary {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(failure, "failure");
    openBySeverity = Map.copyOf(openBySeverity);
    openByCheck = Map.copyOf(openByCheck);
    Objects.requireNonNull(rootMfa, "rootMfa");
    Objects.requireNonNull(rootAccessKey, "rootAccessKey");
    skippedChecks = skippedChecks.map(List::copyOf);
    Objects.requireNonNull(unusedRoles, "unusedRoles");
  }

  /**
   * A summary without skipped checks, the unused-role count or dry-run figures, as summaries
   * written before them read.
   */
  public RunSummary(
      String accountId,
      String runId,
      Instant at,
      boolean audited,
      Optional<String> failure,
      Map<String, Integer> openBySeverity,
      Map<String, Integer> openByCheck,
      int users,
      int activeKeys,
      int consoleUsers,
      int consoleUsersWithMfa,
      Optional<Boolean> rootMfa,
      Optional<Boolean> rootAccessKey,
      int opened,
      int resolved,
      int exempt,
      int deactivated,
      int deferred,
      int notices) {
    this(
        accountId,
        runId,
        at,
        audited,
        failure,
        openBySeverity,
        openByCheck,
        users,
        activeKeys,
        consoleUsers,
        consoleUsersWithMfa,
        rootMfa,
        rootAccessKey,
        opened,
        resolved,
        exempt,
        deactivated,
        deferred,
        notices,
        Optional.empty(),
        Optional.empty(),
        0);
  }

  /** A summary of a run that would have deactivated nothing in dry run. */
  public RunSummary(
      String accountId,
      String runId,
      Instant at,
      boolean audited,
      Optional<String> failure,
      Map<String, Integer> openBySeverity,
      Map<String, Integer> openByCheck,
      int users,
      int activeKeys,
      int consoleUsers,
      int consoleUsersWithMfa,
      Optional<Boolean> rootMfa,
      Optional<Boolean> rootAccessKey,
      int opened,
      int resolved,
      int exempt,
      int deactivated,
      int deferred,
      int notices,
      Optional<List<String>> skippedChecks,
      Optional<Integer> unusedRoles) {
    this(
        accountId,
        runId,
        at,
        audited,
        failure,
        openBySeverity,
        openByCheck,
        users,
        activeKeys,
        consoleUsers,
        consoleUsersWithMfa,
        rootMfa,
        rootAccessKey,
        opened,
        resolved,
        exempt,
        deactivated,
        deferred,
        notices,
        skippedChecks,
        unusedRoles,
        0);
  }

  /** A summary without skipped checks or the unused-role count. */
  public RunSummary(
      String accountId,
      String runId,
      Instant at,
      boolean audited,
      Optional<String> failure,
      Map<String, Integer> openBySeverity,
      Map<String, Integer> openByCheck,
      int users,
      int activeKeys,
      int consoleUsers,
      int consoleUsersWithMfa,
      Optional<Boolean> rootMfa,
      Optional<Boolean> rootAccessKey,
      int opened,
      int resolved,
      int exempt,
      int deactivated,
      int deferred,
      int notices,
      int wouldDeactivate) {
    this(
        accountId,
        runId,
        at,
        audited,
        failure,
        openBySeverity,
        openByCheck,
        users,
        activeKeys,
        consoleUsers,
        consoleUsersWithMfa,
        rootMfa,
        rootAccessKey,
        opened,
        resolved,
        exempt,
        deactivated,
        deferred,
        notices,
        Optional.empty(),
        Optional.empty(),
        wouldDeactivate);
  }
}
