package dev.keywarden.audit;

import dev.keywarden.KeywardenException;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.config.Settings;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.notify.NoticeDraft;
import dev.keywarden.notify.NoticeKind;
import dev.keywarden.notify.NoticeOutbox;
import dev.keywarden.notify.NoticePlanner;
import dev.keywarden.notify.NoticePublisher;
import dev.keywarden.notify.NoticeRequest;
import dev.keywarden.remediate.ActionLogEntry;
import dev.keywarden.remediate.DeactivatedKey;
import dev.keywarden.remediate.DeactivationPlan;
import dev.keywarden.remediate.PlannedDeactivation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Claims, then publishes: a notice's stages and its outbox entry are written in one transaction
 * before it is published, and the entry is removed only after, so a crash between the two sends it
 * on the next run (at least once) and never loses it.
 */
final class NoticeStep {
  private static final Logger LOG = LogManager.getLogger(NoticeStep.class);

  private final Settings settings;
  private final NoticeOutbox store;
  private final Optional<NoticePublisher> publisher;

  NoticeStep(Settings settings, NoticeOutbox store, Optional<NoticePublisher> publisher) {
    this.settings = settings;
    this.store = store;
    this.publisher = publisher;
  }

  /** Publishes drafts an earlier run claimed but did not confirm; returns their ids. */
  List<String> republish(String accountId, List<NoticeDraft> pending, Deadline deadline) {
    List<String> sent = new ArrayList<>();
    if (publisher.isEmpty()) {
      return sent;
    }
    for (NoticeDraft draft : pending) {
      if (deadline.reached()) {
        break;
      }
      publishAndComplete(accountId, draft).ifPresent(sent::add);
    }
    return sent;
  }

  /**
   * Plans this run's notices, claims each, and publishes those this run claimed; returns their ids.
   */
  List<String> send(
      String accountId,
      String runId,
      AccountInventory inventory,
      AuditResult result,
      AccountState state,
      List<DeactivatedKey> deactivated,
      Instant now,
      Deadline deadline) {
    List<String> sent = new ArrayList<>();
    if (publisher.isEmpty()) {
      return sent;
    }
    Map<String, Integer> reactivations = new HashMap<>();
    state.actions().stream()
        .filter(
            e ->
                e.kind() == ActionLogEntry.Kind.REACTIVATE
                    && e.phase() == ActionLogEntry.Phase.RESULT
                    && e.outcome().filter("reactivated"::equals).isPresent())
        .forEach(e -> reactivations.merge(e.accessKeyId(), 1, Integer::sum));
    List<NoticeDraft> drafts =
        NoticePlanner.plan(
            NoticeRequest.builder()
                .accountId(accountId)
                .runId(runId)
                .inventory(inventory)
                .result(result)
                .claimed(state.noticeStates())
                .stagesDays(settings.run().noticeStagesDays())
                .fallbackOwner(settings.run().fallbackOwner())
                .ownerTagKeys(settings.audit().ownerTagKeys())
                .deactivated(deactivated)
                .asOf(now)
                .reactivations(reactivations)
                .build());
    return claimAndPublish(accountId, runId, drafts, deadline);
  }

  /**
   * Claims and publishes drafts planned elsewhere (assisted rotation's); returns the ids of those
   * sent.
   */
  List<String> sendDrafts(
      String accountId, String runId, List<NoticeDraft> drafts, Deadline deadline) {
    if (publisher.isEmpty()) {
      return new ArrayList<>();
    }
    return claimAndPublish(accountId, runId, drafts, deadline);
  }

  /** Claims each draft, until the deadline, and publishes those this run claimed. */
  private List<String> claimAndPublish(
      String accountId, String runId, List<NoticeDraft> drafts, Deadline deadline) {
    List<String> sent = new ArrayList<>();
    for (NoticeDraft draft : drafts) {
      if (deadline.reached()) {
        break;
      }
      if (store.claimNotice(accountId, draft)) {
        publishAndComplete(accountId, draft).ifPresent(sent::add);
      } else {
        LOG.info(
            "runId={} accountId={} notice {} already claimed by another run; not sent again",
            runId,
            accountId,
            draft.id());
      }
    }
    return sent;
  }

  /**
   * Tells the security team that keys the policy condemned could not be deactivated and are still
   * active.
   */
  void alertFailed(String accountId, String runId, List<String> failures) {
    if (publisher.isEmpty() || failures.isEmpty()) {
      return;
    }
    StringBuilder body =
        new StringBuilder()
            .append("Keywarden could not deactivate ")
            .append(failures.size())
            .append(failures.size() == 1 ? " expired key" : " expired keys")
            .append(" in account ")
            .append(accountId)
            .append(" (run ")
            .append(runId)
            .append("); they are still active:\n");
    failures.forEach(f -> body.append("  ").append(f).append("\n"));
    body.append(
        "Deactivate them by hand (aws iam update-access-key --status Inactive) or fix the cause; the next run"
            + " tries again.\n");
    alert(
        accountId,
        runId,
        NoticeKind.DEACTIVATION_FAILED,
        "Keywarden: deactivation failed in " + accountId,
        body);
  }

  /** Tells the security team that the per-run cap left expired keys active. */
  void alertDeferred(String accountId, String runId, DeactivationPlan plan) {
    if (publisher.isEmpty()) {
      return;
    }
    StringBuilder body =
        new StringBuilder()
            .append("Keywarden reached the per-run deactivation cap (")
            .append(settings.run().deactivationCap())
            .append(") in account ")
            .append(accountId)
            .append(" (run ")
            .append(runId)
            .append(").\n")
            .append(plan.deferred().size())
            .append(" expired keys stay active until a later run or a person deactivates them:\n");
    for (PlannedDeactivation key : plan.deferred()) {
      body.append("  ")
          .append(key.userName())
          .append(" access_key_")
          .append(key.slot())
          .append(" (deadline ")
          .append(key.deadline())
          .append(")\n");
    }
    body.append(
        "Raise deactivation-cap if this many expirations are expected, or deactivate them by hand.\n");
    alert(
        accountId,
        runId,
        NoticeKind.DEACTIVATION_DEFERRED,
        "Keywarden: deactivation cap reached in " + accountId,
        body);
  }

  /** Sends one alert to the security team; a failure to send is logged, never thrown. */
  private void alert(
      String accountId, String runId, NoticeKind kind, String subject, StringBuilder body) {
    try {
      publisher
          .get()
          .alert(subject, body.toString(), Map.of("kind", kind.wire(), "accountId", accountId));
    } catch (KeywardenException e) {
      LOG.warn(
          "runId={} accountId={} could not alert the security team: {}",
          runId,
          accountId,
          e.getMessage());
    }
  }

  private Optional<String> publishAndComplete(String accountId, NoticeDraft draft) {
    try {
      publisher.get().publish(draft);
    } catch (KeywardenException e) {
      LOG.warn(
          "accountId={} notice {} could not be published; the next run sends it: {}",
          accountId,
          draft.id(),
          e.getMessage());
      return Optional.empty();
    }
    store.completeNotice(accountId, draft.id());
    return Optional.of(draft.id());
  }
}
