package dev.keywarden.remediate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One expired key chosen for deactivation, named by slot because the credential report has no key
 * ids: the id is looked up from {@code lastRotated} only when the key is acted on.
 *
 * @param userName the key's user
 * @param slot 1 or 2, as in the credential report
 * @param resourceId the finding's resource id, {@code <user arn>#access_key_N}
 * @param lastRotated when the key was created, which identifies it among the user's keys
 * @param deadline when the key reached its maximum age
 * @param reason why it is deactivated: the {@code key-expired} finding's message
 * @param reportedUse what the report says of the last use of this slot and of a same-second twin in
 *     the other slot; empty when the other slot's key was not created in the same second (or when
 *     not known)
 */
public record PlannedDeactivation(
    String userName,
    int slot,
    String resourceId,
    Instant lastRotated,
    Instant deadline,
    String reason,
    Optional<ReportedLastUse> reportedUse) {
  public PlannedDeactivation {
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(lastRotated, "lastRotated");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(reportedUse, "reportedUse");
  }

  /** A planned deactivation without what the report says of its last use. */
  public PlannedDeactivation(
      String userName,
      int slot,
      String resourceId,
      Instant lastRotated,
      Instant deadline,
      String reason) {
    this(userName, slot, resourceId, lastRotated, deadline, reason, Optional.empty());
  }
}
