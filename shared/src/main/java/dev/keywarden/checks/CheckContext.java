package dev.keywarden.checks;

import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccountInventory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every check reads: one account's inventory, the thresholds in force, the instant the audit
 * is as of, and the security team's exemption grants for the account.
 */
public record CheckContext(
    AccountInventory inventory, AuditPolicy policy, Instant asOf, List<ExemptionGrant> grants) {
  public CheckContext {
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(asOf, "asOf");
    grants = List.copyOf(grants);
  }

  /** A context without grants: exemption tags are requests only, as in an offline audit. */
  public CheckContext(AccountInventory inventory, AuditPolicy policy, Instant asOf) {
    this(inventory, policy, asOf, List.of());
  }

  public String accountId() {
    return inventory.accountId();
  }

  /** The user's grant in force on the audit's day (the latest granted, if several), if any. */
  public Optional<ExemptionGrant> grantInForce(String userName) {
    LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
    return grants.stream()
        .filter(
            g ->
                g.userName().equals(userName)
                    && g.accountId().equals(accountId())
                    && g.activeOn(today))
        .max(Comparator.comparing(ExemptionGrant::grantedAt));
  }
}
