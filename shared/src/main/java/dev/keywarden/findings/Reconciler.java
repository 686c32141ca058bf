package dev.keywarden.findings;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.ExemptedFinding;
import dev.keywarden.checks.Finding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which remembered findings a run must rewrite, so that a steady-state run of a large
 * account writes almost nothing.
 *
 * <p>A finding is rewritten only when its status changes or, while it stays open, when its
 * severity, deadline or principal changes; a message that merely reads differently (an age that
 * grew by a day) is not a change. Findings of checks that did not run ({@link
 * AuditResult#skipped()}) are left as they were: a check that could not look has not seen the
 * problem go away.
 */
public final class Reconciler {
  private static final Comparator<StoredFinding> ORDER =
      Comparator.comparing(StoredFinding::checkId).thenComparing(StoredFinding::resourceId);

  private Reconciler() {}

  /**
   * Compares the account's remembered findings with the run's result.
   *
   * @param accountId the account
   * @param previous what the table remembers, by {@link StoredFinding#key()}
   * @param current the run's open and exempted findings
   * @param now the run's instant: first seen of new findings, resolved at of resolved ones
   */
  public static Reconciliation reconcile(
      String accountId, Map<String, StoredFinding> previous, AuditResult current, Instant now) {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(now, "now");
    Map<String, Finding> open = new LinkedHashMap<>();
    for (Finding finding : current.findings()) {
      open.putIfAbsent(StoredFinding.key(finding.checkId(), finding.resourceId()), finding);
    }
    Map<String, ExemptedFinding> exempted = new LinkedHashMap<>();
    for (ExemptedFinding exemption : current.exempted()) {
      String key =
          StoredFinding.key(exemption.finding().checkId(), exemption.finding().resourceId());
      if (!open.containsKey(key)) {
        exempted.putIfAbsent(key, exemption);
      }
    }

    List<StoredFinding> changed = new ArrayList<>();
    int opened = 0;
    int stillOpen = 0;
    int resolved = 0;
    int exempt = 0;

    for (Map.Entry<String, Finding> entry : open.entrySet()) {
      Finding finding = entry.getValue();
      StoredFinding before = previous.get(entry.getKey());
      if (before == null || before.status() == FindingStatus.RESOLVED) {
        changed.add(
            stored(
                accountId,
                finding,
                FindingStatus.OPEN,
                now,
                Optional.empty(),
                Optional.empty(),
                nextVersion(before)));
        opened++;
      } else if (before.status() == FindingStatus.EXEMPT) {
        changed.add(
            stored(
                accountId,
                finding,
                FindingStatus.OPEN,
                before.firstSeen(),
                Optional.empty(),
                Optional.empty(),
                nextVersion(before)));
        opened++;
      } else {
        if (mattersChanged(before, finding)) {
          changed.add(
              stored(
                  accountId,
                  finding,
                  FindingStatus.OPEN,
                  before.firstSeen(),
                  Optional.empty(),
                  Optional.empty(),
                  nextVersion(before)));
        }
        stillOpen++;
      }
    }

    for (Map.Entry<String, ExemptedFinding> entry : exempted.entrySet()) {
      ExemptedFinding exemption = entry.getValue();
      StoredFinding before = previous.get(entry.getKey());
      Optional<LocalDate> until = Optional.of(exemption.until());
      Optional<String> reason = Optional.of(exemption.reason());
      if (before == null || before.status() == FindingStatus.RESOLVED) {
        changed.add(
            stored(
                accountId,
                exemption.finding(),
                FindingStatus.EXEMPT,
                now,
                until,
                reason,
                nextVersion(before)));
      } else if (before.status() == FindingStatus.OPEN
          || !before.exemptUntil().equals(until)
          || !before.exemptReason().equals(reason)) {
        changed.add(
            stored(
                accountId,
                exemption.finding(),
                FindingStatus.EXEMPT,
                before.firstSeen(),
                until,
                reason,
                nextVersion(before)));
      }
      exempt++;
    }

    for (StoredFinding before : previous.values()) {
      String key = before.key();
      if (open.containsKey(key)
          || exempted.containsKey(key)
          || before.status() == FindingStatus.RESOLVED) {
        continue;
      }
      if (current.skipped().containsKey(before.checkId())) {
        if (before.status() == FindingStatus.OPEN) {
          stillOpen++;
        } else {
          exempt++;
        }
        continue;
      }
      changed.add(
          before.toBuilder()
              .status(FindingStatus.RESOLVED)
              .resolvedAt(Optional.of(now))
              .exemptUntil(Optional.empty())
              .exemptReason(Optional.empty())
              .version(before.version() + 1)
              .build());
      resolved++;
    }

    changed.sort(ORDER);
    return new Reconciliation(changed, opened, stillOpen, resolved, exempt);
  }

  /** Whether an open finding seen again differs in something a reader acts on. */
  private static boolean mattersChanged(StoredFinding before, Finding now) {
    return before.severity() != now.severity()
        || !before.deadline().equals(now.deadline())
        || !before.principal().equals(now.principal());
  }

  private static long nextVersion(StoredFinding before) {
    return before == null ? 1 : before.version() + 1;
  }

  private static StoredFinding stored(
      String accountId,
      Finding finding,
      FindingStatus status,
      Instant firstSeen,
      Optional<LocalDate> exemptUntil,
      Optional<String> exemptReason,
      long version) {
    return StoredFinding.from(accountId, finding)
        .status(status)
        .firstSeen(firstSeen)
        .exemptUntil(exemptUntil)
        .exemptReason(exemptReason)
        .version(version)
        .build();
  }
}
