package dev.keywarden.audit;

import java.time.Duration;
import java.time.Instant;

/** The account's run lease, so that two runs of one account never act on it at once. */
public interface LeaseStore {
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

  /**
   * Gives the lease back, if this caller still holds it for {@code runId}; the run may be taken up
   * again.
   */
  void releaseLease(String accountId, String runId);

  /**
   * Gives the lease back as {@link #releaseLease} does and records that {@code runId} completed the
   * account, so that a later delivery of the same request does nothing (until another run takes the
   * lease).
   */
  void completeLease(String accountId, String runId);

  /** Whether {@code runId} was the last run to complete the account. */
  boolean completed(String accountId, String runId);
}
