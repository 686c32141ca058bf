package dev.keywarden.remediate;

import java.time.Instant;
import java.util.Objects;

/**
 * A key this run confirmed inactive, with what its owner's notice needs to name it.
 *
 * @param userName the key's user
 * @param slot 1 or 2, as in the credential report
 * @param resourceId {@code <user arn>#access_key_N}
 * @param lastRotated when the key was created
 * @param accessKeyId the key's id
 */
public record DeactivatedKey(
    String userName, int slot, String resourceId, Instant lastRotated, String accessKeyId) {
  public DeactivatedKey {
    Objects.requireNonNull(userName, "userName");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(lastRotated, "lastRotated");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
  }

  static DeactivatedKey of(PlannedDeactivation key, String accessKeyId) {
    return new DeactivatedKey(
        key.userName(), key.slot(), key.resourceId(), key.lastRotated(), accessKeyId);
  }
}
