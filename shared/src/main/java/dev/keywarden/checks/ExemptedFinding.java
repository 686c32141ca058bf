package dev.keywarden.checks;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A finding that a valid exemption tag on its user set aside.
 *
 * @param finding the finding as the check produced it
 * @param until the last day the exemption covers (inclusive, UTC)
 * @param reason why the user is exempt, as the tag says
 */
public record ExemptedFinding(Finding finding, LocalDate until, String reason) {
  public ExemptedFinding {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(reason, "reason");
  }
}
