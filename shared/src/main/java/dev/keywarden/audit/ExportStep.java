package dev.keywarden.audit;

import dev.keywarden.checks.Owners;
import dev.keywarden.config.Settings;
import dev.keywarden.findings.FindingsExport;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.IamUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Hands the account's findings, as the table remembers them after this run, to an export (Security
 * Hub); an export that fails costs the run nothing, since what it did not send is sent by the next
 * one.
 */
final class ExportStep {
  private static final Logger LOG = LogManager.getLogger(ExportStep.class);

  private final Settings settings;
  private final Optional<FindingsExport> export;

  ExportStep(Settings settings, Optional<FindingsExport> export) {
    this.settings = settings;
    this.export = export;
  }

  void export(
      String accountId,
      String runId,
      Map<String, StoredFinding> before,
      List<StoredFinding> changed,
      Optional<AccountInventory> inventory,
      Instant now) {
    if (export.isEmpty()) {
      return;
    }
    try {
      export.get().export(accountId, after(before, changed), owners(inventory), now);
    } catch (RuntimeException e) {
      LOG.warn(
          "runId={} accountId={} findings export failed; the next run sends what is pending: {}",
          runId,
          accountId,
          e.toString());
    }
  }

  /** The remembered findings once the run's changes are written. */
  static Collection<StoredFinding> after(
      Map<String, StoredFinding> before, List<StoredFinding> changed) {
    Map<String, StoredFinding> all = new TreeMap<>(before);
    changed.forEach(f -> all.put(f.key(), f));
    return all.values();
  }

  /** Each user's owner: a valid owner tag, else the configured fallback owner. */
  private Map<String, String> owners(Optional<AccountInventory> inventory) {
    Map<String, String> owners = new TreeMap<>();
    inventory
        .flatMap(AccountInventory::authorization)
        .ifPresent(
            a -> {
              for (IamUser user : a.usersByName()) {
                Owners.validOwner(user, settings.audit().ownerTagKeys())
                    .or(() -> settings.run().fallbackOwner())
                    .ifPresent(owner -> owners.put(user.name(), owner));
              }
            });
    return owners;
  }
}
