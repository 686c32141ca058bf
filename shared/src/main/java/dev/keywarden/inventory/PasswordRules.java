package dev.keywarden.inventory;

/**
 * The character classes an account's password policy requires (all false when it has no policy).
 *
 * @param uppercase at least one upper-case letter (A-Z)
 * @param lowercase at least one lower-case letter (a-z)
 * @param numbers at least one digit
 * @param symbols at least one non-alphanumeric character
 */
public record PasswordRules(
    boolean uppercase, boolean lowercase, boolean numbers, boolean symbols) {
  /** What an account without a password policy requires: nothing. */
  public static PasswordRules none() {
    return new PasswordRules(false, false, false, false);
  }
}
