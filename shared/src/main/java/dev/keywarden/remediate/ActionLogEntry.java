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
}
