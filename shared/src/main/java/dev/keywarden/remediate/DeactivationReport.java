package dev.keywarden.remediate;

import java.util.List;
import java.util.Objects;

/**
 * What one run did, or in a dry run would do, to one account's expired keys: the input of owner
 * notices, the security team's alerts and the weekly report.
 *
 * @param mode the mode the run was in
 * @param wouldDeactivate dry run only: the keys enforce mode would deactivate
 * @param deactivated keys of the plan confirmed inactive by this run
 * @param resumed results this run wrote for actions an earlier run left unfinished and that were
 *     not in this run's plan (a crash after the call usually leaves the key inactive, so it is no
 *     longer planned): deactivations among them are news for the key's owner too
 * @param alreadyDone planned keys an earlier run already deactivated, one line each
 * @param failed planned keys that could not be deactivated, one line each with why; the next run
 *     tries again
 */
public record DeactivationReport(
    Mode mode,
    List<PlannedDeactivation> wouldDeactivate,
    List<DeactivatedKey> deactivated,
    List<ActionLogEntry> resumed,
    List<String> alreadyDone,
    List<String> failed) {
  public DeactivationReport {
    Objects.requireNonNull(mode, "mode");
    wouldDeactivate = List.copyOf(wouldDeactivate);
    deactivated = List.copyOf(deactivated);
    resumed = List.copyOf(resumed);
    alreadyDone = List.copyOf(alreadyDone);
    failed = List.copyOf(failed);
  }
}
