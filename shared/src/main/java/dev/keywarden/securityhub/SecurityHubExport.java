package dev.keywarden.securityhub;

import dev.keywarden.KeywardenException;
import dev.keywarden.config.SecurityHubSettings;
import dev.keywarden.findings.FindingsExport;
import dev.keywarden.findings.StoredFinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Sends an account's findings to Security Hub, only those whose Security Hub form changed since
 * Security Hub last confirmed them, in batches of at most 100.
 *
 * <p>Two calls carry a finding's life. {@code BatchImportFindings} creates a finding, with its
 * workflow status and note, and later updates what it says (record state, compliance, text), but
 * Security Hub ignores the {@code Workflow} and {@code Note} it carries once the finding exists. So
 * a workflow change of a finding Security Hub holds (resolved: RESOLVED; exempt: SUPPRESSED with
 * the exemption's reason and last day; reopened: NEW) goes with {@code BatchUpdateFindings}, one
 * call per status and note, at most 100 findings a call, after the imports.
 *
 * <p>For each finding the ledger keeps what Security Hub confirmed of both parts ({@code <content
 * fingerprint>/<workflow fingerprint>}); each part moves forward only when the call that carries it
 * was confirmed for that finding. A finding in {@code FailedFindings} or {@code
 * UnprocessedFindings} is tried again in the same run (up to {@link #ATTEMPTS} times in all); one
 * still refused, or any finding of a call that failed outright (the SDK has already retried
 * throttling and server errors), stays pending and goes with the next run. So nothing is lost, and
 * a run after a crash sends at most what was not yet recorded again, which Security Hub takes as an
 * update of the same finding id. A resolved finding Security Hub never held is not sent at all.
 *
 * <p>When Security Hub refuses {@code BatchUpdateFindings} as an operation it does not know (an
 * emulator, say), the export warns once, makes no further update call in this run, and keeps the
 * workflow changes pending: the imports are done, but Security Hub cannot be assumed to show the
 * new workflow status.
 */
public final class SecurityHubExport implements FindingsExport {
  private static final Logger LOG = LogManager.getLogger(SecurityHubExport.class);

  /** Tries of one finding within one run. */
  static final int ATTEMPTS = 3;

  private final SecurityHubSettings product;
  private final FindingsImporter importer;
  private final WorkflowUpdater updater;
  private final ImportedFindings imported;
  private volatile Report last = new Report(0, 0, 0, 0, 0);
  private volatile WorkflowReport lastWorkflow = WorkflowReport.NONE;
  private volatile boolean updatesUnavailable;

  private SecurityHubExport(
      SecurityHubSettings product,
      FindingsImporter importer,
      WorkflowUpdater updater,
      ImportedFindings imported) {
    this.product = Objects.requireNonNull(product, "product");
    this.importer = Objects.requireNonNull(importer, "importer");
    this.updater = Objects.requireNonNull(updater, "updater");
    this.imported = Objects.requireNonNull(imported, "imported");
  }

  public static SecurityHubExport create(
      SecurityHubSettings product,
      FindingsImporter importer,
      WorkflowUpdater updater,
      ImportedFindings imported) {
    return new SecurityHubExport(product, importer, updater, imported);
  }

  /**
   * What the imports of one export did.
   *
   * @param changed findings whose Security Hub form (apart from the workflow) differed from the one
   *     it holds
   * @param sent findings Security Hub accepted
   * @param refused findings still refused after {@link #ATTEMPTS} tries
   * @param pending findings left for the next run (refused ones and those of a failed call)
   * @param calls {@code BatchImportFindings} calls made
   */
  public record Report(int changed, int sent, int refused, int pending, int calls) {}

  /**
   * What the workflow updates of one export did.
   *
   * @param changed findings Security Hub holds whose workflow status or note changed
   * @param updated findings Security Hub processed
   * @param pending findings whose workflow change is left for the next run
   * @param calls {@code BatchUpdateFindings} calls made
   * @param unavailable Security Hub refused {@code BatchUpdateFindings} as an unknown operation
   */
  public record WorkflowReport(
      int changed, int updated, int pending, int calls, boolean unavailable) {
    static final WorkflowReport NONE = new WorkflowReport(0, 0, 0, 0, false);
  }

  /** What the imports of the latest export did. */
  public Report lastReport() {
    return last;
  }

  /** What the workflow updates of the latest export did. */
  public WorkflowReport lastWorkflowReport() {
    return lastWorkflow;
  }

  @Override
  public void export(
      String accountId,
      Collection<StoredFinding> findings,
      Map<String, String> owners,
      Instant now) {
    send(accountId, findings, owners, now);
  }

  /**
   * Sends what changed, and says what the imports did; {@link #lastWorkflowReport()} says what the
   * updates did.
   */
  public Report send(
      String accountId,
      Collection<StoredFinding> findings,
      Map<String, String> owners,
      Instant now) {
    last = new Report(0, 0, 0, 0, 0);
    lastWorkflow = WorkflowReport.NONE;
    Map<String, String> loaded;
    try {
      loaded = imported.load(accountId);
    } catch (KeywardenException e) {
      LOG.warn(
          "accountId={} Security Hub export skipped, what it last sent cannot be read; the next run sends it: {}",
          accountId,
          e.getMessage());
      return last;
    }
    Map<String, Confirmed> confirmed = new LinkedHashMap<>();
    loaded.forEach((key, value) -> confirmed.put(key, Confirmed.parse(value)));
    List<Pending> imports = new ArrayList<>();
    List<Pending> updates = new ArrayList<>();
    for (StoredFinding f :
        findings.stream().sorted(Comparator.comparing(StoredFinding::key)).toList()) {
      AsffFinding asff =
          AsffMapper.map(f, Optional.ofNullable(owners.get(f.principal())), product, now);
      Pending p = new Pending(f.key(), asff, asff.contentFingerprint(), asff.workflowFingerprint());
      Confirmed before = confirmed.get(f.key());
      if (before == null) {
        if (AsffMapper.worthCreating(f.status())) {
          imports.add(p);
        }
        continue;
      }
      if (!before.content().equals(p.content())) {
        imports.add(p);
      }
      if (!before.workflow().equals(p.workflow())) {
        updates.add(p);
      }
    }
    last = importAll(accountId, imports, confirmed);
    lastWorkflow = updateAll(accountId, updates, confirmed);
    return last;
  }

  private Report importAll(
      String accountId, List<Pending> imports, Map<String, Confirmed> confirmed) {
    List<Pending> pending = imports;
    int changed = pending.size();
    int sent = 0;
    int calls = 0;
    Map<String, String> lastErrors = new LinkedHashMap<>();
    for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
      List<Pending> refused = new ArrayList<>();
      for (int from = 0; from < pending.size(); from += FindingsImporter.MAX_BATCH) {
        List<Pending> batch =
            pending.subList(from, Math.min(pending.size(), from + FindingsImporter.MAX_BATCH));
        Map<String, String> failed;
        try {
          calls++;
          failed = importer.importBatch(batch.stream().map(Pending::finding).toList());
        } catch (KeywardenException e) {
          int left = pending.size() - from + refused.size();
          LOG.warn(
              "accountId={} Security Hub import failed; {} finding(s) stay pending for the next run: {}",
              accountId,
              left,
              e.getMessage());
          return new Report(changed, sent, 0, left, calls);
        }
        Map<String, Confirmed> accepted = new LinkedHashMap<>();
        for (Pending p : batch) {
          if (failed.containsKey(p.finding().id())) {
            refused.add(p);
            lastErrors.put(p.finding().id(), failed.get(p.finding().id()));
          } else {
            Confirmed before = confirmed.get(p.key());
            // A new finding takes its workflow from the import; one Security Hub holds keeps the
            // workflow it had.
            accepted.put(
                p.key(),
                new Confirmed(p.content(), before == null ? p.workflow() : before.workflow()));
          }
        }
        record(accountId, accepted, confirmed, "accepted by Security Hub", "sends them again");
        sent += accepted.size();
      }
      pending = refused;
    }
    if (!pending.isEmpty()) {
      LOG.warn(
          "accountId={} Security Hub refused {} finding(s) {} times; they stay pending for the next run: {}",
          accountId,
          pending.size(),
          ATTEMPTS,
          pending.stream()
              .map(p -> p.finding().id() + ": " + lastErrors.get(p.finding().id()))
              .toList());
    }
    return new Report(changed, sent, pending.size(), pending.size(), calls);
  }

  private WorkflowReport updateAll(
      String accountId, List<Pending> updates, Map<String, Confirmed> confirmed) {
    int changed = updates.size();
    if (changed == 0) {
      return WorkflowReport.NONE;
    }
    if (updatesUnavailable) {
      return new WorkflowReport(changed, 0, changed, 0, true);
    }
    int updated = 0;
    int calls = 0;
    Map<String, String> lastErrors = new LinkedHashMap<>();
    List<Pending> pending = updates;
    for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
      Map<WorkflowUpdater.Change, List<Pending>> groups = new LinkedHashMap<>();
      for (Pending p : pending) {
        groups.computeIfAbsent(change(p.finding()), c -> new ArrayList<>()).add(p);
      }
      List<Pending> unprocessed = new ArrayList<>();
      int done = 0;
      for (Map.Entry<WorkflowUpdater.Change, List<Pending>> group : groups.entrySet()) {
        List<Pending> members = group.getValue();
        for (int from = 0; from < members.size(); from += WorkflowUpdater.MAX_BATCH) {
          List<Pending> batch =
              members.subList(from, Math.min(members.size(), from + WorkflowUpdater.MAX_BATCH));
          Map<String, String> failed;
          try {
            calls++;
            failed =
                updater.updateBatch(
                    group.getKey(), batch.stream().map(p -> p.finding().id()).toList());
          } catch (WorkflowUpdater.Unavailable e) {
            updatesUnavailable = true;
            int left = pending.size() - done + unprocessed.size();
            LOG.warn(
                "accountId={} Security Hub does not accept securityhub:BatchUpdateFindings, so it keeps the workflow"
                    + " status and note it had for findings it already holds (resolved, exempt or reopened ones may show"
                    + " the wrong status); the imports were made, {} workflow change(s) stay pending, and no further"
                    + " update is tried in this run: {}",
                accountId,
                left,
                e.getMessage());
            return new WorkflowReport(changed, updated, left, calls, true);
          } catch (KeywardenException e) {
            int left = pending.size() - done + unprocessed.size();
            LOG.warn(
                "accountId={} Security Hub workflow update failed; {} workflow change(s) stay pending for the next run: {}",
                accountId,
                left,
                e.getMessage());
            return new WorkflowReport(changed, updated, left, calls, false);
          }
          Map<String, Confirmed> processed = new LinkedHashMap<>();
          for (Pending p : batch) {
            if (failed.containsKey(p.finding().id())) {
              unprocessed.add(p);
              lastErrors.put(p.finding().id(), failed.get(p.finding().id()));
            } else {
              processed.put(p.key(), new Confirmed(confirmed.get(p.key()).content(), p.workflow()));
            }
          }
          record(accountId, processed, confirmed, "updated in Security Hub", "updates them again");
          updated += processed.size();
          done += batch.size();
        }
      }
      pending = unprocessed;
    }
    if (!pending.isEmpty()) {
      LOG.warn(
          "accountId={} Security Hub left {} workflow change(s) unprocessed {} times; they stay pending for the next run: {}",
          accountId,
          pending.size(),
          ATTEMPTS,
          pending.stream()
              .map(p -> p.finding().id() + ": " + lastErrors.get(p.finding().id()))
              .toList());
    }
    return new WorkflowReport(changed, updated, pending.size(), calls, false);
  }

  /** The workflow change that brings Security Hub's copy of a finding to its current form. */
  WorkflowUpdater.Change change(AsffFinding finding) {
    return new WorkflowUpdater.Change(
        finding.productArn(), finding.workflowStatus(), finding.noteText());
  }

  /**
   * Records what Security Hub just confirmed; a failure to record only means it is sent again next
   * run.
   */
  private void record(
      String accountId,
      Map<String, Confirmed> confirmedNow,
      Map<String, Confirmed> confirmed,
      String what,
      String consequence) {
    if (confirmedNow.isEmpty()) {
      return;
    }
    Map<String, String> fingerprints = new LinkedHashMap<>();
    confirmedNow.forEach((key, c) -> fingerprints.put(key, c.format()));
    try {
      imported.record(accountId, fingerprints);
      confirmed.putAll(confirmedNow);
    } catch (KeywardenException e) {
      LOG.warn(
          "accountId={} {} finding(s) {} but not recorded; the next run {}: {}",
          accountId,
          confirmedNow.size(),
          what,
          consequence,
          e.getMessage());
    }
  }

  private record Pending(String key, AsffFinding finding, String content, String workflow) {}

  /**
   * What Security Hub confirmed of one finding: its content and its workflow, stored as {@code
   * <content>/<workflow>}. A value without the separator (written before the two were told apart)
   * confirms no workflow, so the next run sets it.
   */
  record Confirmed(String content, String workflow) {
    static Confirmed parse(String value) {
      int slash = value.indexOf('/');
      return slash < 0
          ? new Confirmed(value, "")
          : new Confirmed(value.substring(0, slash), value.substring(slash + 1));
    }

    String format() {
      return content + "/" + workflow;
    }
  }
}
