package dev.keywarden.remediate;

import dev.keywarden.checks.Finding;
import java.util.List;

/**
 * What one run will do about one account's expired keys, decided before any call so that the rails
 * (cap, the caller's own key, exemptions) are applied in one pure, tested place.
 *
 * @param deactivate keys to deactivate this run, oldest deadline first
 * @param deferred expired keys left for a later run because the per-run cap was reached
 * @param deferredFindings one {@code deactivation-deferred} finding per deferred key (enforce mode
 *     only: a dry run deactivates nothing, so nothing is held back)
 * @param refused why keys that are expired are never deactivated automatically, one line per key
 */
public record DeactivationPlan(
    List<PlannedDeactivation> deactivate,
    List<PlannedDeactivation> deferred,
    List<Finding> deferredFindings,
    List<String> refused) {
  public DeactivationPlan {
    deactivate = List.copyOf(deactivate);
    deferred = List.copyOf(deferred);
    deferredFindings = List.copyOf(deferredFindings);
    refused = List.copyOf(refused);
  }

  public static DeactivationPlan empty() {
    return new DeactivationPlan(List.of(), List.of(), List.of(), List.of());
  }
}
