package dev.keywarden.remediate;

import dev.keywarden.checks.CheckMetadata;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The finding raised for an expired key that the per-run cap kept active, so that the security team
 * hears about keys enforcement could not keep up with. Raised by the planner, not a catalogue
 * check.
 */
public final class DeactivationDeferred {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "deactivation-deferred",
          "Expired key not deactivated: per-run cap reached",
          "In enforce mode, an expired key beyond the per-account cap of deactivations per run (20 by default); keys are"
              + " taken oldest deadline first, so the ones deferred are the most recently expired.",
          Severity.HIGH,
          List.of(),
          List.of(),
          "Raise the cap or deactivate by hand: rotate the key (create a new one, update the application, deactivate the"
              + " old one), or let the next runs catch up. Many expired keys at once usually means a new account or a"
              + " lowered maximum age.");

  private DeactivationDeferred() {}

  /** The finding for one deferred key; it keeps the key's deadline. */
  static Finding finding(String accountId, PlannedDeactivation key, int cap) {
    String message =
        key.resourceId()
            + " is past its deadline ("
            + key.deadline()
            + ") but was not deactivated: this run"
            + " already deactivates "
            + cap
            + " key"
            + (cap == 1 ? "" : "s")
            + " in account "
            + accountId
            + ", the per-run cap";
    return new Finding(
        METADATA.id(),
        METADATA.severity(),
        accountId,
        key.userName(),
        key.resourceId(),
        METADATA.title(),
        message,
        Optional.of(key.deadline()));
  }
}
