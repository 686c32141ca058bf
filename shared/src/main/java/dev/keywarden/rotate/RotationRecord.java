package dev.keywarden.rotate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One assisted rotation of one user's key, as the rotation store keeps it: written as an intent
 * before {@code iam:CreateAccessKey} and updated with the result once the new key's secret is
 * written, then with how the rotation ended. Never holds the secret.
 *
 * @param accountId the user's account
 * @param userName the user
 * @param attemptId unique per attempt; also the client request token of the secret's version, so
 *     that a later run can tell whether the secret was written
 * @param oldKeyId the key being replaced
 * @param oldKeyCreated when the old key was created, which names it in the credential report
 * @param oldDeadline when the old key reaches its maximum age
 * @param secretName the secret that holds the new key in the user's account
 * @param phase where the rotation is
 * @param newKeyId the key Keywarden created, once known
 * @param newKeyCreated when it was created, once known
 * @param startedAt when the intent was written
 * @param updatedAt when the record last changed
 * @param runId the run (or command) that last changed it
 * @param note what happened last, in words (never the secret)
 * @param version optimistic version: 1 for the intent, one more at each change
 */
public record RotationRecord(
    String accountId,
    String userName,
    String attemptId,
    String oldKeyId,
    Instant oldKeyCreated,
    Instant oldDeadline,
    String secretName,
    Phase phase,
    Optional<String> newKeyId,
    Optional<Instant> newKeyCreated,
    Instant startedAt,
    Instant updatedAt,
    String runId,
    String note,
    long version) {

  /** Where a rotation is. */
  public enum Phase {
    /** Written before {@code CreateAccessKey}; no result yet. */
    INTENT,
    /** The new key exists and its secret is written: waiting for the new key to take over. */
    IN_PROGRESS,
    /** The old key was deactivated early, after the new key took over. */
    CUT_OVER,
    /** The old key became inactive at or after its deadline, or by hand. */
    COMPLETED,
    /** The created key's secret could not be written, so the created key was deactivated. */
    ABANDONED,
    /** The owner did not want the new key: it was deactivated and its secret deleted. */
    WITHDRAWN;

    /** Whether the rotation is over. */
    public boolean finished() {
      return this != INTENT && this != IN_PROGRESS;
    }
  }

  public RotationRecord {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(attemptId, "attemptId");
    Objects.requireNonNull(oldKeyId, "oldKeyId");
    Objects.requireNonNull(oldKeyCreated, "oldKeyCreated");
    Objects.requireNonNull(oldDeadline, "oldDeadline");
    Objects.requireNonNull(secretName, "secretName");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(newKeyId, "newKeyId");
    Objects.requireNonNull(newKeyCreated, "newKeyCreated");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(note, "note");
  }

  /** The next version of this record in another phase. */
  public RotationRecord next(Phase newPhase, Instant at, String byRun, String why) {
    return new RotationRecord(
        accountId,
        userName,
        attemptId,
        oldKeyId,
        oldKeyCreated,
        oldDeadline,
        secretName,
        newPhase,
        newKeyId,
        newKeyCreated,
        startedAt,
        at,
        byRun,
        why,
        version + 1);
  }

  /** The next version, naming the key that was created. */
  public RotationRecord withNewKey(
      String keyId, Instant created, Phase newPhase, Instant at, String byRun, String why) {
    return new RotationRecord(
        accountId,
        userName,
        attemptId,
        oldKeyId,
        oldKeyCreated,
        oldDeadline,
        secretName,
        newPhase,
        Optional.of(keyId),
        Optional.of(created),
        startedAt,
        at,
        byRun,
        why,
        version + 1);
  }
}
