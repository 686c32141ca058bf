package dev.keywarden.checks;

import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccountInventory;
import java.time.Instant;
import java.util.Objects;

/**
 * What every check reads: one account's inventory, the thresholds in force, and the instant the
 * audit is as of.
 */
public record CheckContext(AccountInventory inventory, AuditPolicy policy, Instant asOf) {
  public CheckContext {
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(asOf, "asOf");
  }

  public String accountId() {
    return inventory.accountId();
  }
}
