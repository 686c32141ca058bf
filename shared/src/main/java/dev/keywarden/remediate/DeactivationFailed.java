package dev.keywarden.remediate;

import dev.keywarden.checks.CheckMetadata;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The finding raised for a condemned key that a run could not deactivate (IAM cannot tell it apart
 * from another key made in the same second, the call was denied...), so that a key left active is
 * told to the security team and never only a log line. Raised by the run, not a catalogue check.
 */
public final class DeactivationFailed {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "deactivation-failed",
          "Expired key could not be deactivated",
          "In enforce mode, a key past its deadline that the run tried and failed to deactivate; it is still active.",
          Severity.HIGH,
          List.of(),
          List.of(),
          "Read the message for why, then deactivate the key by hand (aws iam update-access-key --status Inactive) or fix"
              + " the cause (permissions of the audit role); the next run tries again.");

  private DeactivationFailed() {}

  /** One finding per planned key that the report lists as failed, keeping the key's deadline. */
  public static List<Finding> findings(
      String accountId, DeactivationPlan plan, DeactivationReport report) {
    List<Finding> out = new ArrayList<>();
    for (String failure : report.failed()) {
      plan.deactivate().stream()
          .filter(k -> failure.startsWith(k.resourceId()))
          .findFirst()
          .ifPresent(
              key ->
                  out.add(
                      new Finding(
                          METADATA.id(),
                          METADATA.severity(),
                          accountId,
                          key.userName(),
                          key.resourceId(),
                          METADATA.title(),
                          key.resourceId()
                              + " is past its deadline ("
                              + key.deadline()
                              + ") and still active: deactivating it failed: "
                              + failure
                                  .substring(key.resourceId().length())
                                  .replaceFirst("^[: ]+", ""),
                          Optional.of(key.deadline()))));
    }
    return out;
  }
}
