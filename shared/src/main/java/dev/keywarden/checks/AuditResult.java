package dev.keywarden.checks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of running the catalogue over one account.
 *
 * @param accountId the account audited
 * @param asOf the instant the checks were evaluated at
 * @param findings open findings, ordered by severity, then check id, then principal
 * @param exempted findings set aside by a valid exemption
 * @param skipped check id to the reason it did not run
 */
public record AuditResult(
    String accountId,
    Instant asOf,
    List<Finding> findings,
    List<ExemptedFinding> exempted,
    Map<String, String> skipped)
    implements AuditFindings {
  public AuditResult {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(asOf, "asOf");
    findings = List.copyOf(findings);
    exempted = List.copyOf(exempted);
    skipped = Map.copyOf(skipped);
  }
}
