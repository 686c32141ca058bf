package dev.keywarden.findings;

import dev.keywarden.notify.NoticeDraft;
import dev.keywarden.remediate.ActionLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where Keywarden remembers each account between runs: findings, notice stages, the notice outbox,
 * the action log and per-run summaries. The DynamoDB table implements it in production and on the
 * emulator.
 *
 * <p>Every write that two concurrent runs could both attempt is conditional, so neither can undo the
 * other's work or send a notice twice.
 */
public interface AccountStateStore {
  /** Reads everything a run needs about the account, with strongly consistent reads. */
  AccountState load(String accountId);

  /**
   * Takes the account's run lease for {@code runId} until {@code now + ttl}, unless another run
   * holds an unexpired lease or {@code runId} already completed the account. A second delivery of
   * the same request (same run id) running at the same time counts as another run: only the caller
   * that took the lease may extend it.
   *
   * @return false when another run holds it (that run does the work; this one backs off) or this
   *     run already completed the account ({@link #completed} tells which)
   */
  boolean acquireLease(String accountId, String runId, Instant now, Duration ttl);

  /** Gives the lease back, if this caller still holds it for {@code runId}; the run may be taken up again. */
  void releaseLease(String accountId, String runId);

  /**
   * Gives the lease back as {@link #releaseLease} does and records that {@code runId} completed the
   * account, so that a later delivery of the same request does nothing (until another run takes the
   * lease).
   */
  void completeLease(String accountId, String runId);

  /** Whether {@code runId} was the last run to complete the account. */
  boolean completed(String accountId, String runId);

  /**
   * Writes changed findings, each conditional on the version it was read at (a new finding on its
   * absence); resolved findings get a TTL.
   *
   * @throws dev.keywarden.KeywardenException when a condition fails: another run changed the account
   */
  void writeFindings(String accountId, List<StoredFinding> changed);

  /**
   * Atomically claims the draft's stages (each one only if not yet claimed for its key) and stores
   * the draft in the outbox.
   *
   * @return false when any stage was already claimed (by an earlier or concurrent run): nothing is
   *     written, and the caller must not publish this draft
   */
  boolean claimNotice(String accountId, NoticeDraft draft);

  /** Removes a published draft from the outbox. */
  void completeNotice(String accountId, String draftId);

  /**
   * Appends an entry to the action log; writing the same (actionId, phase) twice keeps the first.
   *
   * @return false when that entry was already there
   */
  boolean appendAction(ActionLogEntry entry);

  /**
   * Who owns the users whose keys near or pass their deadline, principal to address, as of the last
   * run that changed it: the weekly report names them. Empty when never stored.
   */
  Map<String, String> owners(String accountId);

  /** Replaces the account's key owners. */
  void putOwners(String accountId, Map<String, String> owners);

  /** Stores one run's summary of the account. */
  void putSummary(RunSummary summary);

  /**
   * Records that a run started and which accounts it sent; kept as long as summaries. Writing the
   * same run again replaces the record.
   */
  void putRun(String runId, Instant startedAt, List<String> accountIds);
}
