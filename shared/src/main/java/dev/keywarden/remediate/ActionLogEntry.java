package dev.keywarden.remediate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the append-only action log: the intent before a change to a key, or its result after.
 *
 * @param accountId the account
 * @param actionId stable for one action, so a rerun after a crash finds the intent it must finish:
 *     {@code deactivate:<user>:<access key id>:<deadline>} or {@code reactivate:<user>:<key
 *     id>:<instant>}
 * @param kind what the action does to the key
 * @param phase intent (written before the call) or result (after it, confirmed by reading back)
 * @param userName the key's user
 * @param accessKeyId the key
 * @param runId the run (or command invocation) that wrote this line
 * @param at when it was written
 * @param actor who acted: the caller's ARN
 * @param reason why: the finding's message, or the reason given to reactivate
 * @param outcome for results: {@code deactivated}, {@code already-inactive}, {@code reactivated},
 *     {@code dry-run}, or {@code failed: <why>}
 */
public record ActionLogEntry(
    String accountId,
    String actionId,
    Kind kind,
    Phase phase,
    String userName,
    String accessKeyId,
    String runId,
    Instant at,
    String actor,
    String reason,
    Optional<String> outcome) {

  /** What an action does to a key. */
  public enum Kind {
    DEACTIVATE,
    REACTIVATE
  }

  /** Before or after the call. */
  public enum Phase {
    INTENT,
    RESULT
  }

  public ActionLogEntry {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(outcome, "outcome");
  }

  /**
   * The intent written before acting on a key: an entry in phase {@link Phase#INTENT} without an
   * outcome.
   */
  public static ActionLogEntry intent(
      String accountId,
      String actionId,
      Kind kind,
      String userName,
      String accessKeyId,
      Writer writer,
      String reason) {
    return new ActionLogEntry(
        accountId,
        actionId,
        kind,
        Phase.INTENT,
        userName,
        accessKeyId,
        writer.runId(),
        writer.at(),
        writer.actor(),
        reason,
        Optional.empty());
  }

  /** The result that completes this entry's action with {@code outcome}, written by {@code by}. */
  public ActionLogEntry result(Writer by, String outcome) {
    return new ActionLogEntry(
        accountId,
        actionId,
        kind,
        Phase.RESULT,
        userName,
        accessKeyId,
        by.runId(),
        by.at(),
        by.actor(),
        reason,
        Optional.of(outcome));
  }

  /** Who writes an entry, and when: the run (or command invocation), its time and its actor. */
  public record Writer(String runId, Instant at, String actor) {
    public Writer {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(actor, "actor");
    }
  }

  /** Who wrote this entry, and when. */
  public Writer writer() {
    return new Writer(runId, at, actor);
  }
}
