package dev.keywarden.inventory;

import java.util.Optional;

/**
 * The account's password policy, or the fact that it has none.
 *
 * @param present false when the account has no password policy (IAM then applies its weak default)
 * @param minimumLength the minimum password length
 * @param reusePrevention how many previous passwords may not be reused; empty when reuse is allowed
 * @param maxAgeDays the maximum password age in days; empty when passwords never expire
 */
public record PasswordPolicy(
    boolean present,
    int minimumLength,
    Optional<Integer> reusePrevention,
    Optional<Integer> maxAgeDays) {
  /** An account without a password policy. */
  public static PasswordPolicy absent() {
    return new PasswordPolicy(false, 0, Optional.empty(), Optional.empty());
  }
}
