package dev.keywarden.remediate;

import dev.keywarden.KeywardenException;
import dev.keywarden.remediate.ActionLogEntry.Kind;
import dev.keywarden.remediate.ActionLogEntry.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Carries out one account's deactivation plan so that every change is logged before and after, a
 * crash at any point is finished by the next run without a second call, and one key's failure does
 * not stop the others.
 *
 * <p><b>Dry run</b> calls nothing in IAM (not even reads), writes nothing to the action log, and
 * does not finish earlier runs' interrupted actions: it only reports the keys enforce mode would
 * deactivate. The log is a record of changes made to keys, and a dry run makes none.
 *
 * <p><b>Enforce</b>, for each planned key: find its id ({@code iam:ListAccessKeys}); the action id
 * is {@code deactivate:<user>:<key id>:<deadline>}. If an earlier attempt left an intent without a
 * result, that attempt is finished. If Keywarden's last confirmed action on the key was a
 * deactivation and IAM still says the key is inactive, it was done before and nothing is written.
 * Otherwise a new attempt starts: the intent is appended, the status read, and an inactive key gets
 * the result {@code already-inactive}, an active one is deactivated, read back until inactive, and
 * gets {@code deactivated}. A failure is logged as {@code failed: <why>} and the next key follows.
 * A later attempt on the same key and deadline (after a failure, or after the key was reactivated)
 * has the id {@code <base>#2}, {@code <base>#3}..., since the log keeps only the first entry per
 * (action id, phase). Interrupted reactivations are recorded first and interrupted deactivations
 * the plan did not cover are finished last (see {@link #resumeUnfinished}).
 */
public final class Deactivator {
  private final ActionLogStore log;
  private final AccessKeys keys;

  private Deactivator(ActionLogStore log, AccessKeys keys) {
    this.log = Objects.requireNonNull(log, "log");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  public static Deactivator create(ActionLogStore log, AccessKeys keys) {
    return new Deactivator(log, keys);
  }

  /**
   * Runs the request's plan in its mode, asking its {@link DeactivationRequest#stop()} before each
   * key: once it answers true no other key is begun (the one in hand is finished), and unfinished
   * actions of earlier runs are left to the next run. Keys not begun are in none of the report's
   * lists.
   */
  public DeactivationReport execute(DeactivationRequest request) {
    DeactivationPlan plan = request.plan();
    Mode mode = request.mode();
    BooleanSupplier stop = request.stop();
    if (mode == Mode.DRY_RUN) {
      return new DeactivationReport(
          mode, plan.deactivate(), List.of(), List.of(), List.of(), List.of());
    }
    Run run =
        new Run(
            request.accountId(),
            new ActionLogEntry.Writer(request.runId(), request.now(), request.actor()),
            request.actions());
    List<DeactivatedKey> deactivated = new ArrayList<>();
    List<String> alreadyDone = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<ActionLogEntry> resumed = new ArrayList<>(run.resume(Kind.REACTIVATE));
    for (PlannedDeactivation key : plan.deactivate()) {
      if (stop.getAsBoolean()) {
        return new DeactivationReport(mode, List.of(), deactivated, resumed, alreadyDone, failed);
      }
      run.deactivate(key, plan, deactivated, alreadyDone, failed);
    }
    if (!stop.getAsBoolean()) {
      resumed.addAll(run.resume(Kind.DEACTIVATE));
    }
    return new DeactivationReport(mode, List.of(), deactivated, resumed, alreadyDone, failed);
  }

  /**
   * Finishes the account's actions that an earlier run began and did not finish: an interrupted
   * deactivation is completed (the key is deactivated if it is still active), and an interrupted
   * reactivation only gets its result recorded (a scheduled run never reactivates a key).
   *
   * @return the report, whose {@link DeactivationReport#resumed()} holds the results written
   */
  public DeactivationReport resumeUnfinished(
      String accountId, String runId, String actor, List<ActionLogEntry> actions, Instant now) {
    Run run = new Run(accountId, new ActionLogEntry.Writer(runId, now, actor), actions);
    List<ActionLogEntry> resumed = new ArrayList<>(run.resume(Kind.REACTIVATE));
    resumed.addAll(run.resume(Kind.DEACTIVATE));
    return new DeactivationReport(
        Mode.ENFORCE, List.of(), List.of(), resumed, List.of(), List.of());
  }

  /** One run's context and its working copy of the log. */
  private final class Run {
    private final String accountId;
    private final ActionLogEntry.Writer writer;
    private final ActionHistory history;

    Run(String accountId, ActionLogEntry.Writer writer, List<ActionLogEntry> actions) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      this.writer = writer;
      this.history = new ActionHistory(actions);
    }

    void deactivate(
        PlannedDeactivation key,
        DeactivationPlan plan,
        List<DeactivatedKey> deactivated,
        List<String> alreadyDone,
        List<String> failed) {
      String keyId;
      try {
        Optional<String> found = SameSecondKeys.resolve(keys, key, plan, deactivated);
        if (found.isEmpty()) {
          failed.add(
              key.resourceId()
                  + ": no key of user "
                  + key.userName()
                  + " was created at "
                  + key.lastRotated()
                  + "; it was deleted, or the credential report is older than a rotation");
          return;
        }
        keyId = found.get();
      } catch (KeywardenException e) {
        failed.add(key.resourceId() + ": " + e.getMessage());
        return;
      }
      String base = "deactivate:" + key.userName() + ":" + keyId + ":" + key.deadline();
      List<String> attempts = history.attempts(base);
      Optional<String> unfinished =
          attempts.stream().filter(id -> !history.has(id, Phase.RESULT)).findFirst();
      String actionId;
      if (unfinished.isPresent()) {
        actionId = unfinished.get();
      } else {
        boolean doneBefore =
            history
                .lastConfirmed(key.userName(), keyId)
                .map(e -> e.kind() == Kind.DEACTIVATE)
                .orElse(false);
        if (doneBefore) {
          KeyStatus status;
          try {
            status = keys.status(key.userName(), keyId);
          } catch (KeywardenException e) {
            failed.add(key.resourceId() + " (" + keyId + "): " + e.getMessage());
            return;
          }
          if (status != KeyStatus.ACTIVE) {
            alreadyDone.add(
                key.resourceId()
                    + " ("
                    + keyId
                    + "): deactivated by an earlier run; IAM reports it "
                    + status.name().toLowerCase(Locale.ROOT));
            return;
          }
        }
        actionId = attempts.isEmpty() ? base : base + "#" + (attempts.size() + 1);
        append(
            ActionLogEntry.intent(
                accountId, actionId, Kind.DEACTIVATE, key.userName(), keyId, writer, key.reason()));
      }
      ActionLogEntry intent = intentOf(actionId);
      ActionLogEntry result = finish(intent);
      if (ActionHistory.confirmed(result)) {
        deactivated.add(DeactivatedKey.of(key, keyId));
      } else {
        failed.add(key.resourceId() + " (" + keyId + "): " + result.outcome().orElse(""));
      }
    }

    /** Finishes the unfinished intents of one kind, oldest first; returns the results written. */
    List<ActionLogEntry> resume(Kind kind) {
      List<ActionLogEntry> results = new ArrayList<>();
      for (ActionLogEntry intent : history.unfinished()) {
        if (intent.kind() == kind && intent.accountId().equals(accountId)) {
          results.add(finish(intent));
        }
      }
      return results;
    }

    private ActionLogEntry intentOf(String actionId) {
      return history.unfinished().stream()
          .filter(e -> e.actionId().equals(actionId))
          .findFirst()
          .orElseThrow();
    }

    /** Completes an intent: reads the key, acts if needed, and appends the result. */
    private ActionLogEntry finish(ActionLogEntry intent) {
      String outcome;
      try {
        outcome =
            intent.kind() == Kind.DEACTIVATE
                ? finishDeactivation(intent)
                : recordReactivation(intent);
      } catch (KeywardenException e) {
        outcome = ActionHistory.failed(e.getMessage());
      }
      ActionLogEntry result = intent.result(writer, outcome);
      append(result);
      return result;
    }

    private String finishDeactivation(ActionLogEntry intent) {
      String user = intent.userName();
      String keyId = intent.accessKeyId();
      KeyStatus status = keys.status(user, keyId);
      if (status == KeyStatus.MISSING) {
        return ActionHistory.failed("key no longer exists");
      }
      if (status == KeyStatus.INACTIVE) {
        return ActionHistory.ALREADY_INACTIVE;
      }
      keys.deactivate(user, keyId);
      KeyStatus after = keys.awaitStatus(user, keyId, KeyStatus.INACTIVE);
      return after == KeyStatus.INACTIVE
          ? ActionHistory.DEACTIVATED
          : ActionHistory.failed(
              "IAM still reports the key "
                  + after.name().toLowerCase(Locale.ROOT)
                  + " after deactivating it");
    }

    /** An interrupted reactivation is only recorded: a scheduled run never turns a key back on. */
    private String recordReactivation(ActionLogEntry intent) {
      KeyStatus status = keys.status(intent.userName(), intent.accessKeyId());
      return status == KeyStatus.ACTIVE
          ? ActionHistory.REACTIVATED
          : ActionHistory.failed(
              "the reactivation was interrupted and the key is "
                  + status.name().toLowerCase(Locale.ROOT)
                  + "; run keywarden reactivate again");
    }

    private void append(ActionLogEntry entry) {
      log.appendAction(entry);
      history.add(entry);
    }
  }
}
