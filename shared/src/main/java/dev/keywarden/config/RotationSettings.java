package dev.keywarden.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether and how Keywarden rotates keys itself for users tagged {@code keywarden:rotation =
 * assisted}: opted in per Organization ({@code assisted-rotation = all}) or per account (a list of
 * account ids); off unless set.
 *
 * @param allAccounts every audited account allows assisted rotation
 * @param accounts the accounts that allow it when not {@code allAccounts}; empty with it false
 *     means off
 * @param cutoverQuietHours the old key is deactivated early once the new key was used and the old
 *     one was not for this many hours
 * @param kmsKeyId the KMS key that encrypts the secrets; empty for the account's default key
 *     ({@code aws/secretsmanager})
 */
public record RotationSettings(
    boolean allAccounts, List<String> accounts, int cutoverQuietHours, Optional<String> kmsKeyId) {
  /** Hours of quiet on the old key before an early cut-over, unless configured otherwise. */
  public static final int DEFAULT_CUTOVER_QUIET_HOURS = 24;

  public RotationSettings {
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(kmsKeyId, "kmsKeyId");
    if (cutoverQuietHours < 1) {
      throw new IllegalArgumentException(
          "cutover-quiet-hours must be at least 1, was " + cutoverQuietHours);
    }
  }

  /** Off everywhere, 24 quiet hours, the account's default key. */
  public static RotationSettings defaults() {
    return new RotationSettings(false, List.of(), DEFAULT_CUTOVER_QUIET_HOURS, Optional.empty());
  }

  /** Whether the account allows assisted rotation for its tagged users. */
  public boolean allows(String accountId) {
    return allAccounts || accounts.contains(accountId);
  }

  /** Whether any account allows it. */
  public boolean enabled() {
    return allAccounts || !accounts.isEmpty();
  }
}
