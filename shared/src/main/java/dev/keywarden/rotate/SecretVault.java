package dev.keywarden.rotate;

import java.util.Optional;

/**
 * Secrets Manager in the user's account, as assisted rotation uses it. Implemented by {@code
 * dev.keywarden.aws.SecretsManagerVault}. No method returns a secret's value.
 */
public interface SecretVault {
  /**
   * Writes the key as the secret's current value, creating the secret (encrypted with {@code
   * kmsKeyId} or the account's default key, with Keywarden's resource policy and tags) when it does
   * not exist. {@code versionToken} names the version, so that writing it twice makes one version.
   * Its resource policy denies every principal outside {@code accountId}, the user's account.
   */
  void store(
      String accountId,
      String secretName,
      NewAccessKey key,
      String versionToken,
      Optional<String> kmsKeyId);

  /** Whether the secret has a version named {@code versionToken}. */
  boolean holds(String secretName, String versionToken);

  /**
   * Deletes the secret and every version of its value, without a recovery window; nothing if it is
   * gone.
   */
  void delete(String secretName);
}
