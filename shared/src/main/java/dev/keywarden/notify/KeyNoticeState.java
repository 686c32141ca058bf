package dev.keywarden.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which notice stages one access key has already claimed.
 *
 * <p>A key is identified by its resource id and its last rotation: a rotated key is a new key and
 * starts again with no stage sent.
 *
 * @param resourceId the key's resource id ({@code <user arn>#access_key_N})
 * @param lastRotated when the key was created or rotated
 * @param stages stage names claimed so far, such as {@code 14d}, {@code 7d}, {@code 1d}, {@code
 *     deactivated}
 */
public record KeyNoticeState(String resourceId, Instant lastRotated, Set<String> stages) {
  public KeyNoticeState {
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(lastRotated, "lastRotated");
    stages = Set.copyOf(stages);
  }

  /** The key's identity across runs: resource id and rotation time. */
  public String keyId() {
    return keyId(resourceId, lastRotated);
  }

  public static String keyId(String resourceId, Instant lastRotated) {
    return resourceId + "@" + lastRotated;
  }
}
