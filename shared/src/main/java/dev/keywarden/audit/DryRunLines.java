package dev.keywarden.audit;

import dev.keywarden.remediate.Mode;
import java.util.Optional;

/**
 * What a dry run says beyond the keys within the cap, so that it is never silent about the rest.
 */
public final class DryRunLines {
  private DryRunLines() {}

  /**
   * "Dry run: 3 more expired keys would be deferred past the cap (deactivation-cap = 20) to later
   * runs.", when a dry run's plan left keys beyond the cap; empty otherwise.
   */
  public static Optional<String> deferred(RunOutcome outcome, int cap) {
    if (outcome.deactivation().map(d -> d.mode() != Mode.DRY_RUN).orElse(true)) {
      return Optional.empty();
    }
    int deferred = outcome.summary().map(s -> s.deferred()).orElse(0);
    if (deferred == 0) {
      return Optional.empty();
    }
    return Optional.of(
        "Dry run: "
            + deferred
            + " more expired key"
            + (deferred == 1 ? "" : "s")
            + " would be deferred past the cap (deactivation-cap = "
            + cap
            + ") to later runs.");
  }
}
