package dev.keywarden.remediate;

import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.remediate.ActionLogEntry.Kind;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Undoes one deactivation Keywarden made, with a reason, logged like the deactivation was, so that
 * a broken application can be brought back while its key is rotated.
 *
 * <p>Only a key whose last confirmed action in the log is Keywarden's deactivation can be
 * reactivated: this is an undo, not a way to turn on arbitrary keys. A reactivation is its own
 * command invocation, so its action id also serves as the run id of its log entries.
 */
public final class Reactivator {
  private final ActionLogStore log;
  private final AccessKeys keys;

  private Reactivator(ActionLogStore log, AccessKeys keys) {
    this.log = Objects.requireNonNull(log, "log");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  public static Reactivator create(ActionLogStore log, AccessKeys keys) {
    return new Reactivator(log, keys);
  }

  /**
   * Reactivates the key and confirms it is active, logging intent and result as {@code
   * reactivate:<user>:<key id>:<now>}.
   *
   * @param reason why, for the log; must not be blank
   * @param actor the caller's ARN
   * @throws InvalidInputException when the reason is blank, or the log holds no completed
   *     deactivation of the key that is still in force
   * @throws KeywardenException when IAM refuses the change or does not confirm it; the failure is
   *     logged as the result
   */
  public Reactivation reactivate(
      String accountId,
      String userName,
      String accessKeyId,
      String reason,
      String actor,
      Instant now) {
    return reactivate(accountId, userName, accessKeyId, reason, actor, now, false);
  }

  /**
   * As {@link #reactivate(String, String, String, String, String, Instant)}; unless {@code force},
   * it refuses when IAM shows a change since Keywarden's deactivation that was not Keywarden's (the
   * key is active again, or was used after it was switched off, as when a person turned it on and
   * off during an incident). With {@code force} it goes ahead and says so in the log and the
   * message.
   */
  public Reactivation reactivate(
      String accountId,
      String userName,
      String accessKeyId,
      String reason,
      String actor,
      Instant now,
      boolean force) {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(now, "now");
    String what = "key " + accessKeyId + " of user " + userName;
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException(
          "reason: '"
              + Objects.toString(reason, "")
              + "' is blank; say why "
              + what
              + " must work again (for example the incident or change ticket): it goes into the action log");
    }
    ActionHistory history = new ActionHistory(log.actions(accountId));
    Optional<ActionLogEntry> last = history.lastConfirmed(userName, accessKeyId);
    if (last.isEmpty() || last.get().kind() != Kind.DEACTIVATE) {
      String detail = last.map(e -> " (it was already reactivated at " + e.at() + ")").orElse("");
      throw new InvalidInputException(
          what + " was not deactivated by Keywarden" + detail + "; nothing to undo");
    }
    Optional<String> change = changeNotByKeywarden(userName, accessKeyId, last.get());
    if (change.isPresent() && !force) {
      throw new InvalidInputException(
          what
              + ": "
              + change.get()
              + ", which Keywarden did not do; find out who changed it"
              + " (CloudTrail UpdateAccessKey) before turning it on, or run again with --force to reactivate it anyway");
    }
    String warning =
        change
            .map(
                c ->
                    " WARNING: "
                        + c
                        + ", which Keywarden did not do; reactivated anyway (--force).")
            .orElse("");
    reason = change.isPresent() ? reason + " [--force: " + change.get() + "]" : reason;
    String actionId = "reactivate:" + userName + ":" + accessKeyId + ":" + now;
    ActionLogEntry intent =
        ActionLogEntry.intent(
            accountId,
            actionId,
            Kind.REACTIVATE,
            userName,
            accessKeyId,
            new ActionLogEntry.Writer(actionId, now, actor),
            reason);
    log.appendAction(intent);
    KeyStatus after;
    try {
      keys.reactivate(userName, accessKeyId);
      after = keys.awaitStatus(userName, accessKeyId, KeyStatus.ACTIVE);
    } catch (KeywardenException e) {
      log.appendAction(intent.result(intent.writer(), ActionHistory.failed(e.getMessage())));
      throw e;
    }
    if (after != KeyStatus.ACTIVE) {
      String why =
          "IAM still reports the key "
              + after.name().toLowerCase(Locale.ROOT)
              + " after reactivating it";
      log.appendAction(intent.result(intent.writer(), ActionHistory.failed(why)));
      throw new KeywardenException(
          "reactivating " + what + " was not confirmed: " + why + "; run the command again");
    }
    log.appendAction(intent.result(intent.writer(), ActionHistory.REACTIVATED));
    return new Reactivation(
        actionId,
        "Reactivated "
            + what
            + " in account "
            + accountId
            + ". While it is past its maximum"
            + " age, the next enforce run deactivates it again unless its user is exempted (a grant with keywarden exempt; the"
            + " tags "
            + AuditPolicy.EXEMPT_UNTIL_TAG
            + " and "
            + AuditPolicy.EXEMPT_REASON_TAG
            + " only ask for one): rotate"
            + " it now."
            + warning);
  }

  /** What IAM shows changed since Keywarden's deactivation {@code done}, if anything. */
  private Optional<String> changeNotByKeywarden(
      String userName, String accessKeyId, ActionLogEntry done) {
    KeyStatus now = keys.status(userName, accessKeyId);
    if (now == KeyStatus.ACTIVE) {
      return Optional.of(
          "IAM already reports it active again since Keywarden deactivated it at " + done.at());
    }
    if (now == KeyStatus.MISSING) {
      throw new InvalidInputException(
          "key "
              + accessKeyId
              + " of user "
              + userName
              + " no longer exists in IAM; nothing to undo");
    }
    return keys.lastUsed(userName, accessKeyId)
        .filter(used -> used.isAfter(done.at()))
        .map(
            used ->
                "it was used at "
                    + used
                    + ", after Keywarden deactivated it at "
                    + done.at()
                    + ", so someone turned it on (and off) since");
  }
}
