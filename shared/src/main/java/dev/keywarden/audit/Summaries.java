package dev.keywarden.audit;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.Finding;
import dev.keywarden.findings.Reconciliation;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReportRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Builds the per-run summary item that the weekly report reads instead of scanning findings. */
final class Summaries {
  private Summaries() {}

  static RunSummary of(
      String accountId,
      String runId,
      Instant at,
      AccountInventory inventory,
      AuditResult result,
      Reconciliation reconciliation,
      int deactivated,
      int wouldDeactivate,
      int deferred,
      int notices) {
    List<CredentialReportRow> users = inventory.credentialReport().users();
    int activeKeys = users.stream().mapToInt(u -> u.activeKeys().size()).sum();
    int console = (int) users.stream().filter(CredentialReportRow::passwordEnabled).count();
    int consoleMfa = (int) users.stream().filter(u -> u.passwordEnabled() && u.mfaActive()).count();
    Optional<Boolean> rootMfa =
        inventory
            .credentialReport()
            .root()
            .map(CredentialReportRow::mfaActive)
            .or(() -> inventory.summary().map(s -> s.rootMfaEnabled()));
    Optional<Boolean> rootKey =
        inventory
            .credentialReport()
            .root()
            .map(r -> !r.activeKeys().isEmpty())
            .or(() -> inventory.summary().map(s -> s.rootAccessKeysPresent()));
    return RunSummary.builder(accountId, runId, at)
        .openBySeverity(count(result.findings(), Finding::severity))
        .openByCheck(count(result.findings(), Finding::checkId))
        .users(users.size())
        .activeKeys(activeKeys)
        .consoleUsers(console)
        .consoleUsersWithMfa(consoleMfa)
        .rootMfa(rootMfa)
        .rootAccessKey(rootKey)
        .opened(reconciliation.opened())
        .resolved(reconciliation.resolved())
        .exempt(reconciliation.exempt())
        .deactivated(deactivated)
        .deferred(deferred)
        .notices(notices)
        .skippedChecks(Optional.of(result.skipped().keySet().stream().sorted().toList()))
        .unusedRoles(unusedRoles(result))
        .wouldDeactivate(wouldDeactivate)
        .build();
  }

  /** Roles {@code role-unused} condemned, exempt ones included; empty when it could not judge. */
  static Optional<Integer> unusedRoles(AuditResult result) {
    if (result.skipped().containsKey(ROLE_UNUSED)) {
      return Optional.empty();
    }
    long open = result.findings().stream().filter(f -> f.checkId().equals(ROLE_UNUSED)).count();
    long exempt =
        result.exempted().stream().filter(e -> e.finding().checkId().equals(ROLE_UNUSED)).count();
    return Optional.of((int) (open + exempt));
  }

  private static final String ROLE_UNUSED = dev.keywarden.checks.RoleUnusedCheck.METADATA.id();

  static RunSummary notAudited(String accountId, String runId, Instant at, String reason) {
    return RunSummary.builder(accountId, runId, at).notAudited(reason).build();
  }

  private static <K extends Comparable<K>> Map<K, Integer> count(
      List<Finding> findings, Function<Finding, K> key) {
    Map<K, Integer> counts = new TreeMap<>();
    findings.forEach(f -> counts.merge(key.apply(f), 1, Integer::sum));
    return counts;
  }
}
