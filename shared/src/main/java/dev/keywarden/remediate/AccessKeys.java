package dev.keywarden.remediate;

import java.time.Instant;
import java.util.Optional;

/**
 * The few IAM operations on access keys that remediation needs, so that its logic is tested without
 * AWS. Implemented by {@code dev.keywarden.aws.AccessKeyGateway}; there is deliberately no way to
 * delete a key.
 *
 * <p>Failures of a call (denied, no such key, service errors) are {@link
 * dev.keywarden.KeywardenException}s naming the operation, the user and the key.
 */
public interface AccessKeys {
  /**
   * The id of the user's key created at {@code lastRotated} (to the second); empty when none was.
   */
  Optional<String> accessKeyId(String userName, Instant lastRotated);

  /**
   * The ids of the user's keys created at {@code lastRotated} (to the second) that IAM reports
   * active, sorted: what tells two keys made in the same second apart when only one is still
   * active.
   */
  default java.util.List<String> activeKeyIds(String userName, Instant lastRotated) {
    return java.util.List.of();
  }

  /**
   * When IAM last saw the key used, if ever (what tells that someone turned it on after a
   * deactivation).
   */
  default Optional<Instant> lastUsed(String userName, String accessKeyId) {
    return Optional.empty();
  }

  /** The key's status as IAM reports it now. */
  KeyStatus status(String userName, String accessKeyId);

  /** Makes the key inactive: calls with it fail, and it can be reactivated. */
  void deactivate(String userName, String accessKeyId);

  /** Makes the key active again. */
  void reactivate(String userName, String accessKeyId);

  /**
   * Reads the key's status until it is {@code expected} or the configured reads are used up, since
   * IAM may serve a stale read just after a write.
   *
   * @return the last status read: {@code expected}, or what IAM still reports
   */
  KeyStatus awaitStatus(String userName, String accessKeyId, KeyStatus expected);
}
