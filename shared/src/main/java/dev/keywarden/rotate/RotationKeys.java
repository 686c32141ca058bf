package dev.keywarden.rotate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The IAM calls assisted rotation needs besides switching a key's status (which it does through
 * {@link dev.keywarden.remediate.AccessKeys}): listing a user's keys, creating one, and asking when
 * a key was last used. Implemented by {@code dev.keywarden.aws.RotationKeyGateway}; there is no way
 * to delete a key.
 */
public interface RotationKeys {
  /** One of a user's keys as {@code iam:ListAccessKeys} gives it. */
  record Key(String accessKeyId, boolean active, Instant created) {}

  /** The user's keys (at most two). */
  List<Key> keys(String userName);

  /**
   * Creates a key for the user ({@code iam:CreateAccessKey}).
   *
   * @throws Refused when IAM refused the call, so that certainly no key was made
   * @throws dev.keywarden.KeywardenException for any other failure, after which a key may exist
   */
  NewAccessKey create(String userName);

  /** IAM refused to create the key (denied, or no such user): no key was made. */
  final class Refused extends dev.keywarden.KeywardenException {
    public Refused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** When the key was last used ({@code iam:GetAccessKeyLastUsed}); empty when never. */
  Optional<Instant> lastUsed(String accessKeyId);
}
