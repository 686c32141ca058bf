package dev.keywarden.aws;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.CheckRunner;
import dev.keywarden.checks.Finding;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccountInventory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How the emulator tests of the checks on roles, policies and account settings audit and read the
 * result, one way for all of them.
 */
final class SurfaceAudits {
  private SurfaceAudits() {}

  /**
   * Reads the emulated account and runs every check on it under {@code policy}, 100 days on, so
   * that age limits are passed.
   */
  static AuditResult audit(AwsClientFactory clients, AuditPolicy policy) {
    AccountInventory inventory =
        IamInventoryReader.create(clients, policy, Clock.systemUTC()).read();
    return CheckRunner.run(
        new CheckContext(inventory, policy, Instant.now().plus(Duration.ofDays(100))));
  }

  /** The principals of the result's findings of {@code checkId}, in the result's order. */
  static List<String> principals(AuditResult result, String checkId) {
    return result.findings().stream()
        .filter(f -> f.checkId().equals(checkId))
        .map(Finding::principal)
        .toList();
  }
}
