package dev.keywarden.checks;

import java.util.List;
import java.util.Objects;

/**
 * What a check is, kept beside its logic: id, title, severity, compliance mapping and the fix.
 *
 * @param id the stable id, such as {@code key-expired}; findings and exemptions name it
 * @param title a short statement of the problem
 * @param rule exactly when the check fires, with the settings that tune it
 * @param severity how urgent a finding of this check is
 * @param cis CIS AWS Foundations Benchmark (v3.0.0) recommendation numbers, such as {@code 1.14}
 * @param securityHub AWS Security Hub control ids, such as {@code IAM.3}
 * @param remediation what to do, in a sentence or two
 */
public record CheckMetadata(String id, String title, String rule, Severity severity, List<String> cis, List<String> securityHub, String remediation) {
  public CheckMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    cis = List.copyOf(cis);
    securityHub = List.copyOf(securityHub);
    Objects.requireNonNull(remediation, "remediation");
  }
}
