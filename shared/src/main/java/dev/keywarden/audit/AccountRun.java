package dev.keywarden.audit;

import dev.keywarden.checks.AccountNotAuditedCheck;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.CheckRunner;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Owners;
import dev.keywarden.config.Settings;
import dev.keywarden.findings.ExemptionGrants;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.FindingsExport;
import dev.keywarden.findings.Reconciler;
import dev.keywarden.findings.Reconciliation;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.notify.KeyNoticeState;
import dev.keywarden.notify.NoticePlanner;
import dev.keywarden.notify.NoticePublisher;
import dev.keywarden.remediate.AccessKeys;
import dev.keywarden.remediate.ActionLogEntry;
import dev.keywarden.remediate.DeactivatedKey;
import dev.keywarden.remediate.DeactivationPlan;
import dev.keywarden.remediate.DeactivationPlanner;
import dev.keywarden.remediate.DeactivationReport;
import dev.keywarden.remediate.DeactivationRequest;
import dev.keywarden.remediate.Deactivator;
import dev.keywarden.remediate.Mode;
import dev.keywarden.remediate.PlannedDeactivation;
import dev.keywarden.rotate.Rotator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One account's run of the unattended loop: audit, remember, deactivate, tell.
 *
 * <p>In order: take the account's lease (another run holding it means this one backs off, and a
 * repeated delivery of a run that already completed the account does nothing); finish what a
 * crashed run left (unfinished deactivations, claimed but unpublished notices); run the checks;
 * plan deactivations under the rails; reconcile findings with the table, writing only what changed;
 * deactivate; claim and publish owners' notices; write the run's summary; give the lease back.
 * Every step is idempotent, so a run killed anywhere is completed by the next one. Given a {@link
 * Deadline}, a run starts no new deactivation or notice once it is reached and ends {@link
 * RunOutcome.Status#INCOMPLETE}, leaving the rest to the next run.
 */
public final class AccountRun {
  private static final Logger LOG = LogManager.getLogger(AccountRun.class);

  /** How far back a deactivation whose notice was never claimed is still announced. */
  static final Duration UNANNOUNCED_LOOKBACK = Duration.ofDays(7);

  private final Settings settings;
  private final AccountStateStore store;
  private final AccessKeys keys;
  private final Optional<NoticePublisher> publisher;
  private final Clock clock;
  private final NoticeStep notices;
  private final Optional<Rotator> rotator;
  private final ExportStep export;
  private final ExemptionGrants grants;
  private final RunSteps steps;

  private AccountRun(Builder b) {
    this.settings = Objects.requireNonNull(b.settings, "settings");
    this.store = Objects.requireNonNull(b.store, "store");
    this.keys = Objects.requireNonNull(b.keys, "keys");
    this.publisher = Objects.requireNonNull(b.publisher, "publisher");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.notices = new NoticeStep(settings, store, publisher);
    this.rotator = Objects.requireNonNull(b.rotator, "rotator");
    this.export = new ExportStep(settings, Objects.requireNonNull(b.export, "export"));
    this.grants = Objects.requireNonNull(b.grants, "grants");
    this.steps = b.steps;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs the loop for the account the inventory describes, to the end. */
  public RunOutcome run(AccountInventory inventory, String runId) {
    return run(inventory, runId, Deadline.none());
  }

  /**
   * Runs the loop for the account the inventory describes, starting no step that acts once the
   * deadline is reached: the outcome is then {@link RunOutcome.Status#INCOMPLETE}, the lease is
   * given back, no summary is written, and the next run of the account does what is left.
   */
  public RunOutcome run(AccountInventory inventory, String runId, Deadline deadline) {
    Objects.requireNonNull(deadline, "deadline");
    String accountId = inventory.accountId();
    Instant now = clock.instant();
    if (!store.acquireLease(
        accountId, runId, now, Duration.ofSeconds(settings.run().leaseSeconds()))) {
      if (store.completed(accountId, runId)) {
        LOG.info(
            "runId={} accountId={} this run already completed the account; nothing to do again",
            runId,
            accountId);
        return RunOutcome.untouched(accountId, runId, RunOutcome.Status.ALREADY_DONE);
      }
      LOG.warn(
          "runId={} accountId={} another run holds the account; backing off", runId, accountId);
      return RunOutcome.untouched(accountId, runId, RunOutcome.Status.SKIPPED_BUSY);
    }
    boolean completed = false;
    try {
      RunOutcome outcome = runHoldingLease(inventory, runId, now, deadline);
      completed = outcome.status() == RunOutcome.Status.COMPLETED;
      return outcome;
    } finally {
      if (completed) {
        store.completeLease(accountId, runId);
      } else {
        store.releaseLease(accountId, runId);
      }
    }
  }

  private RunOutcome runHoldingLease(
      AccountInventory inventory, String runId, Instant now, Deadline deadline) {
    String accountId = inventory.accountId();
    String actor = inventory.callerArn().orElse("keywarden");
    Mode mode = settings.run().enforce() ? Mode.ENFORCE : Mode.DRY_RUN;
    AccountState state = store.load(accountId);
    List<String> published =
        new ArrayList<>(notices.republish(accountId, state.pendingNotices(), deadline));

    steps.begin(accountId, "running the checks");
    AuditResult audit =
        CheckRunner.run(
            new CheckContext(inventory, settings.audit(), now, grants.forAccount(accountId)));
    DeactivationPlan plan =
        DeactivationPlanner.plan(
            accountId,
            audit,
            inventory,
            mode,
            settings.run().deactivationCap(),
            inventory.callerArn());
    Rotator.Prepared rotation =
        rotator
            .map(
                r ->
                    r.prepare(
                        accountId,
                        runId,
                        inventory,
                        audit,
                        state.noticeStates(),
                        settings.run().noticeStagesDays(),
                        mode,
                        inventory.callerArn(),
                        now,
                        Math.max(0, settings.run().deactivationCap() - plan.deactivate().size())))
            .orElse(Rotator.Prepared.none(mode));
    List<Finding> extra = new ArrayList<>(plan.deferredFindings());
    extra.addAll(rotation.plan().blockedFindings());
    AuditResult withDeferred = withExtraFindings(audit, extra);

    Reconciliation reconciliation =
        Reconciler.reconcile(accountId, state.findings(), withDeferred, now);
    steps.begin(accountId, "writing " + count(reconciliation.changed().size(), "finding change"));
    store.writeFindings(accountId, reconciliation.changed());

    int toDeactivate = plan.deactivate().size() + rotation.cutOvers().size();
    if (mode == Mode.ENFORCE && toDeactivate > 0) {
      steps.begin(accountId, "deactivating " + count(toDeactivate, "key"));
    }
    Deactivator deactivator = Deactivator.create(store, keys);
    DeactivationReport report =
        deactivator.execute(
            DeactivationRequest.builder()
                .accountId(accountId)
                .runId(runId)
                .actor(actor)
                .plan(withCutOvers(plan, rotation.cutOvers()))
                .mode(mode)
                .actions(state.actions())
                .now(now)
                .stop(deadline::reached)
                .build());
    try {
      return afterDeactivating(
          inventory,
          runId,
          now,
          deadline,
          accountId,
          mode,
          state,
          published,
          withDeferred,
          plan,
          reconciliation,
          report,
          rotation);
    } catch (RuntimeException e) {
      if (report.deactivated().isEmpty() || e instanceof RunInterrupted) {
        throw e;
      }
      int n = report.deactivated().size();
      throw new RunInterrupted(
          n
              + (n == 1 ? " key" : " keys")
              + " deactivated in account "
              + accountId
              + " before the run stopped (owners' notices and the summary may be missing)",
          e);
    }
  }

  private RunOutcome afterDeactivating(
      AccountInventory inventory,
      String runId,
      Instant now,
      Deadline deadline,
      String accountId,
      Mode mode,
      AccountState state,
      List<String> published,
      AuditResult withDeferred,
      DeactivationPlan plan,
      Reconciliation reconciliation,
      DeactivationReport report,
      Rotator.Prepared rotation) {
    List<DeactivatedKey> deactivated = new ArrayList<>(report.deactivated());
    deactivated.addAll(resumedDeactivations(report.resumed(), inventory));
    deactivated.addAll(unannouncedDeactivations(state, inventory, now, deactivated));
    report
        .failed()
        .forEach(
            f ->
                LOG.error(
                    "runId={} accountId={} deactivation failed, the key is still active: {}",
                    runId,
                    accountId,
                    f));
    AuditResult afterRun = withDeferred;
    List<Finding> failedFindings =
        dev.keywarden.remediate.DeactivationFailed.findings(accountId, plan, report);
    if (!report.deactivated().isEmpty() || !failedFindings.isEmpty()) {
      afterRun =
          withExtraFindings(
              ClosingFindings.afterDeactivating(withDeferred, report.deactivated()),
              failedFindings);
      Reconciliation closing =
          ClosingFindings.reconcile(accountId, state.findings(), reconciliation, afterRun, now);
      store.writeFindings(accountId, closing.changed());
      reconciliation = ClosingFindings.merged(reconciliation, closing);
    }
    export.export(
        accountId, runId, state.findings(), reconciliation.changed(), Optional.of(inventory), now);
    if (!plan.deferred().isEmpty() && !deadline.reached()) {
      notices.alertDeferred(accountId, runId, plan);
    }
    notices.alertFailed(accountId, runId, report.failed());

    List<DeactivatedKey> toAnnounce = deactivated;
    AuditResult toRemind = withDeferred;
    if (rotator.isPresent()) {
      Rotator.Report rotated =
          rotator
              .get()
              .execute(
                  rotation,
                  accountId,
                  runId,
                  inventory,
                  deactivated,
                  settings.audit().ownerTagKeys(),
                  settings.run().fallbackOwner(),
                  now,
                  deadline::reached);
      if (!rotated.created().isEmpty()
          || !rotated.cutOver().isEmpty()
          || !rotated.completed().isEmpty()
          || !rotated.abandoned().isEmpty()) {
        LOG.info(
            "runId={} accountId={} assisted rotation: created={} cutOver={} completed={} abandoned={}",
            runId,
            accountId,
            rotated.created(),
            rotated.cutOver(),
            rotated.completed(),
            rotated.abandoned());
      }
      published.addAll(notices.sendDrafts(accountId, runId, rotated.drafts(), deadline));
      toAnnounce = deactivated.stream().filter(k -> !rotated.announced().contains(k)).toList();
      java.util.Set<String> handled = new java.util.HashSet<>(rotation.handledKeys());
      handled.removeAll(rotated.notCreated());
      toRemind = withoutKeys(withDeferred, handled);
    }
    steps.begin(accountId, "sending owners' notices");
    published.addAll(
        notices.send(accountId, runId, inventory, toRemind, state, toAnnounce, now, deadline));
    recordKeyOwners(accountId, inventory, withDeferred);

    if (deadline.reached()) {
      int handled =
          report.deactivated().size() + report.alreadyDone().size() + report.failed().size();
      int keysLeft = mode == Mode.ENFORCE ? plan.deactivate().size() - handled : 0;
      LOG.warn(
          "runId={} accountId={} stopped at its deadline ({}): findings recorded, {} of {} deactivation(s) and "
              + "{} notice(s) done, {} key(s) and the summary left for the next run",
          runId,
          accountId,
          deadline,
          handled,
          mode == Mode.ENFORCE ? plan.deactivate().size() : 0,
          published.size(),
          keysLeft);
      return RunOutcome.incomplete(
          accountId, runId, withDeferred, reconciliation, report, published);
    }
    RunSummary summary =
        Summaries.of(
            accountId,
            runId,
            now,
            inventory,
            afterRun,
            reconciliation,
            mode == Mode.ENFORCE ? deactivated.size() : 0,
            mode == Mode.ENFORCE ? 0 : report.wouldDeactivate().size(),
            plan.deferred().size(),
            published.size());
    store.putSummary(summary);
    LOG.info(
        "runId={} accountId={} mode={} open={} opened={} resolved={} deactivated={} deferred={} notices={}",
        runId,
        accountId,
        mode,
        withDeferred.findings().size(),
        reconciliation.opened(),
        reconciliation.resolved(),
        deactivated.size(),
        plan.deferred().size(),
        published.size());
    return RunOutcome.completed(
        accountId, runId, withDeferred, reconciliation, report, published, summary);
  }

  /**
   * Records that the account could not be audited: an open {@code account-not-audited} finding (its
   * other findings are left as they were, not resolved) and a summary that says why.
   */
  public RunOutcome notAudited(String accountId, String runId, String reason) {
    Instant now = clock.instant();
    Finding finding = AccountNotAuditedCheck.finding(accountId, reason);
    Map<String, StoredFinding> remembered = store.load(accountId).findings();
    StoredFinding previous =
        remembered.get(StoredFinding.key(finding.checkId(), finding.resourceId()));
    List<StoredFinding> written = List.of();
    if (previous == null || previous.status() != FindingStatus.OPEN) {
      StoredFinding open =
          StoredFinding.from(accountId, finding)
              .status(FindingStatus.OPEN)
              .firstSeen(now)
              .deadline(Optional.empty())
              .version(previous == null ? 1 : previous.version() + 1)
              .build();
      written = List.of(open);
      store.writeFindings(accountId, written);
    }
    // Only the account-not-audited finding: without an inventory the owners are unknown, and the
    // account's other findings stand as they were.
    export.export(accountId, runId, Map.of(), written, Optional.empty(), now);
    RunSummary summary = Summaries.notAudited(accountId, runId, now, reason);
    store.putSummary(summary);
    LOG.warn("runId={} accountId={} not audited: {}", runId, accountId, reason);
    return RunOutcome.notAudited(accountId, runId, summary);
  }

  /**
   * Keeps who owns each user whose key nears or passes its deadline, for the weekly report; written
   * only when it changed, so a steady-state run adds no write.
   */
  private void recordKeyOwners(String accountId, AccountInventory inventory, AuditResult result) {
    Map<String, String> owners = new TreeMap<>();
    for (Finding f : result.findings()) {
      if (f.deadline().isPresent()) {
        inventory
            .authorization()
            .flatMap(a -> a.user(f.principal()))
            .flatMap(u -> Owners.validOwner(u, settings.audit().ownerTagKeys()))
            .or(() -> settings.run().fallbackOwner())
            .ifPresent(owner -> owners.put(f.principal(), owner));
      }
    }
    if (!owners.equals(store.owners(accountId))) {
      store.putOwners(accountId, owners);
    }
  }

  /**
   * The plan with assisted rotation's early cut-overs after its own keys, so the same rails and log
   * apply.
   */
  private static DeactivationPlan withCutOvers(
      DeactivationPlan plan, List<PlannedDeactivation> cutOvers) {
    if (cutOvers.isEmpty()) {
      return plan;
    }
    List<PlannedDeactivation> all = new ArrayList<>(plan.deactivate());
    all.addAll(cutOvers);
    return new DeactivationPlan(all, plan.deferred(), plan.deferredFindings(), plan.refused());
  }

  /**
   * The audit without the key-deadline findings of keys whose reminders assisted rotation sends
   * itself.
   */
  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private static AuditResult withoutKeys(AuditResult audit, java.util.Set<String> handled) {
    if (handled.isEmpty()) {
      return audit;
    }
    List<Finding> kept =
        audit.findings().stream()
            .filter(f -> !(handled.contains(f.resourceId()) && f.deadline().isPresent()))
            .toList();
    return new AuditResult(
        audit.accountId(), audit.asOf(), kept, audit.exempted(), audit.skipped());
  }

  private static AuditResult withExtraFindings(AuditResult audit, List<Finding> extra) {
    if (extra.isEmpty()) {
      return audit;
    }
    List<Finding> all = new ArrayList<>(audit.findings());
    all.addAll(extra);
    all.sort(
        Comparator.comparing(Finding::severity)
            .thenComparing(Finding::checkId)
            .thenComparing(Finding::principal)
            .thenComparing(Finding::resourceId));
    return new AuditResult(audit.accountId(), audit.asOf(), all, audit.exempted(), audit.skipped());
  }

  /**
   * Deactivations that a crashed run made and this run only confirmed: their owners still need the
   * notice. The report names them by key id; the slot is found by matching the user's inactive
   * keys.
   */
  private List<DeactivatedKey> resumedDeactivations(
      List<ActionLogEntry> resumed, AccountInventory inventory) {
    return deactivatedKeys(resumed, inventory, Map.of());
  }

  /**
   * Deactivations logged as done by a run that died before claiming their notice (within {@link
   * #UNANNOUNCED_LOOKBACK}): without this the owner would never hear of them. Keys whose
   * deactivation notice was claimed, and keys already in this run's list, are left out.
   */
  private List<DeactivatedKey> unannouncedDeactivations(
      AccountState state, AccountInventory inventory, Instant now, List<DeactivatedKey> already) {
    List<ActionLogEntry> done =
        state.actions().stream()
            .filter(
                e ->
                    e.phase() == ActionLogEntry.Phase.RESULT
                        && e.at().isAfter(now.minus(UNANNOUNCED_LOOKBACK)))
            .filter(e -> already.stream().noneMatch(k -> k.accessKeyId().equals(e.accessKeyId())))
            .toList();
    return deactivatedKeys(done, inventory, state.noticeStates());
  }

  private List<DeactivatedKey> deactivatedKeys(
      List<ActionLogEntry> entries,
      AccountInventory inventory,
      Map<String, KeyNoticeState> noticeStates) {
    List<DeactivatedKey> found = new ArrayList<>();
    for (ActionLogEntry entry : entries) {
      if (entry.kind() != ActionLogEntry.Kind.DEACTIVATE
          || entry.outcome().filter(o -> !o.startsWith("failed")).isEmpty()) {
        continue;
      }
      Optional<CredentialReportRow> row =
          inventory.credentialReport().users().stream()
              .filter(r -> r.user().equals(entry.userName()))
              .findFirst();
      if (row.isEmpty()) {
        continue;
      }
      for (AccessKeySlot slot : row.get().accessKeys()) {
        if (!slot.active()
            && slot.lastRotated().isPresent()
            && !announced(
                noticeStates, row.get().arn() + "#" + slot.slotName(), slot.lastRotated().get())
            && keys.accessKeyId(entry.userName(), slot.lastRotated().get())
                .filter(entry.accessKeyId()::equals)
                .isPresent()) {
          found.add(
              new DeactivatedKey(
                  entry.userName(),
                  slot.slot(),
                  row.get().arn() + "#" + slot.slotName(),
                  slot.lastRotated().get(),
                  entry.accessKeyId()));
        }
      }
    }
    return found;
  }

  private static boolean announced(
      Map<String, KeyNoticeState> noticeStates, String resourceId, Instant lastRotated) {
    KeyNoticeState state = noticeStates.get(KeyNoticeState.keyId(resourceId, lastRotated));
    return state != null && state.stages().contains(NoticePlanner.DEACTIVATED);
  }

  /** Builds an {@link AccountRun}; the publisher is optional (no topic configured: no notices). */
  public static final class Builder {
    private Settings settings;
    private AccountStateStore store;
    private AccessKeys keys;
    private Optional<NoticePublisher> publisher = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private Optional<Rotator> rotator = Optional.empty();

    /** Assisted rotation for the accounts the settings allow; without it, none. */
    public Builder rotator(Rotator rotator) {
      this.rotator = Optional.ofNullable(rotator);
      return this;
    }

    private Optional<FindingsExport> export = Optional.empty();
    private ExemptionGrants grants = ExemptionGrants.none();
    private RunSteps steps = RunSteps.none();

    /** Told as the run begins each step (progress for a person watching); none by default. */
    public Builder steps(RunSteps steps) {
      this.steps = java.util.Objects.requireNonNull(steps, "steps");
      return this;
    }

    public Builder settings(Settings settings) {
      this.settings = settings;
      return this;
    }

    public Builder store(AccountStateStore store) {
      this.store = store;
      return this;
    }

    public Builder keys(AccessKeys keys) {
      this.keys = keys;
      return this;
    }

    public Builder publisher(NoticePublisher publisher) {
      this.publisher = Optional.ofNullable(publisher);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Where findings also go after each reconciliation (Security Hub); none by default. */
    public Builder export(FindingsExport export) {
      this.export = Optional.ofNullable(export);
      return this;
    }

    /** The security team's exemption grants; without them no user is exempt. */
    public Builder grants(ExemptionGrants grants) {
      this.grants = grants;
      return this;
    }

    public AccountRun build() {
      return new AccountRun(this);
    }
  }
}
