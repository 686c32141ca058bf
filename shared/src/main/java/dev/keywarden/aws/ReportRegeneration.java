package dev.keywarden.aws;

import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.ReportCoverage;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * At most one new credential report when the first lacks users that IAM lists, and only when IAM
 * would make a new one: IAM hands out the same report for four hours after generating it, so asking
 * again sooner costs calls and changes nothing.
 *
 * <p>A report whose generation time IAM did not say is taken as old enough. Whatever the second
 * report still lacks is left to the {@code inventory-gap} check, which names those users.
 */
final class ReportRegeneration {
  /**
   * How long IAM serves a generated credential report before {@code GenerateCredentialReport} makes
   * a new one.
   */
  static final Duration IAM_REUSE = Duration.ofHours(4);

  private static final Logger LOG = LogManager.getLogger(ReportRegeneration.class);

  private ReportRegeneration() {}

  /** One downloaded report and when IAM says it generated it. */
  record Downloaded(CredentialReport report, Optional<Instant> generatedAt) {
    Downloaded {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(generatedAt, "generatedAt");
    }
  }

  /**
   * Whether IAM would generate a new report at {@code now} for one generated at {@code
   * generatedAt}.
   */
  static boolean allowed(Optional<Instant> generatedAt, Instant now) {
    return generatedAt.map(at -> !at.plus(IAM_REUSE).isAfter(now)).orElse(true);
  }

  /**
   * The first report when it lists every user IAM lists; else, when allowed, the report downloaded
   * once more (the regeneration waits within the credential report bound); else the first.
   */
  static CredentialReport complete(
      Downloaded first,
      AuthorizationDetails authorization,
      Instant now,
      Supplier<Downloaded> regenerate,
      String accountId) {
    ReportCoverage coverage = ReportCoverage.of(first.report(), authorization);
    if (coverage.missingFromReport().isEmpty()) {
      return first.report();
    }
    String generated = first.generatedAt().map(Instant::toString).orElse("at an unknown time");
    if (!allowed(first.generatedAt(), now)) {
      LOG.warn(
          "account={} credential report generated {} lacks {} IAM users ({}); IAM makes a new one from {}",
          accountId,
          generated,
          coverage.missingFromReport().size(),
          String.join(" ", coverage.missingNames()),
          first.generatedAt().map(at -> at.plus(IAM_REUSE).toString()).orElse("now"));
      return first.report();
    }
    LOG.info(
        "account={} credential report generated {} lacks {} IAM users: generating it again",
        accountId,
        generated,
        coverage.missingFromReport().size());
    Downloaded second = regenerate.get();
    ReportCoverage after = ReportCoverage.of(second.report(), authorization);
    if (!after.missingFromReport().isEmpty()) {
      LOG.warn(
          "account={} the new credential report still lacks {} IAM users ({})",
          accountId,
          after.missingFromReport().size(),
          String.join(" ", after.missingNames()));
    }
    return second.report();
  }
}
