package dev.keywarden.audit;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.Finding;
import dev.keywarden.findings.Reconciler;
import dev.keywarden.findings.Reconciliation;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.remediate.DeactivatedKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves, in the run that deactivated a key, the findings about that key as an active key ({@code
 * key-expired}, {@code key-rotation-due}, {@code key-unused}...): left open, the table and the
 * weekly report would call the key overdue until the next run.
 */
final class ClosingFindings {
  private ClosingFindings() {}

  /**
   * The audit as it stands after the deactivations: without the findings on the deactivated keys.
   */
  static AuditResult afterDeactivating(AuditResult audit, List<DeactivatedKey> deactivated) {
    Set<String> keys =
        deactivated.stream().map(DeactivatedKey::resourceId).collect(Collectors.toSet());
    List<Finding> left =
        audit.findings().stream().filter(f -> !keys.contains(f.resourceId())).toList();
    return new AuditResult(
        audit.accountId(), audit.asOf(), left, audit.exempted(), audit.skipped());
  }

  /**
   * The second reconciliation of the run, against the table as the first one left it: it changes
   * only the deactivated keys' findings, to resolved.
   */
  static Reconciliation reconcile(
      String accountId,
      Map<String, StoredFinding> before,
      Reconciliation first,
      AuditResult after,
      Instant now) {
    Map<String, StoredFinding> current = new HashMap<>(before);
    first.changed().forEach(f -> current.put(StoredFinding.key(f.checkId(), f.resourceId()), f));
    return Reconciler.reconcile(accountId, current, after, now);
  }

  /** The run's figures: the first reconciliation's, plus what the second resolved. */
  static Reconciliation merged(Reconciliation first, Reconciliation closing) {
    List<StoredFinding> changed = new java.util.ArrayList<>(first.changed());
    changed.addAll(closing.changed());
    return new Reconciliation(
        changed,
        first.opened(),
        first.stillOpen() - closing.resolved(),
        first.resolved() + closing.resolved(),
        first.exempt());
  }
}
