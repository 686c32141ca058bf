package dev.keywarden.remediate;

import java.time.Instant;
import java.util.Objects;

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
 */
public record PlannedDeactivation(
    String userName,
    int slot,
    String resourceId,
    Instant lastRotated,
    Instant deadline,
    String reason) {
  public PlannedDeactivation {
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(lastRotated, "lastRotated");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(reason, "reason");
  }
}
