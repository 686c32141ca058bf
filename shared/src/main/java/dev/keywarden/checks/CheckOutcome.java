package dev.keywarden.checks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a check returned: its findings, or why it could not run on this inventory.
 *
 * @param findings what the check found; empty when skipped
 * @param skippedBecause why the check did not run (a missing report column, an offline audit)
 */
public record CheckOutcome(List<Finding> findings, Optional<String> skippedBecause) {
  public CheckOutcome {
    findings = List.copyOf(findings);
    Objects.requireNonNull(skippedBecause, "skippedBecause");
  }

  public static CheckOutcome of(List<Finding> findings) {
    return new CheckOutcome(findings, Optional.empty());
  }

  public static CheckOutcome skipped(String reason) {
    return new CheckOutcome(List.of(), Optional.of(reason));
  }

  public boolean skipped() {
    return skippedBecause.isPresent();
  }
}
