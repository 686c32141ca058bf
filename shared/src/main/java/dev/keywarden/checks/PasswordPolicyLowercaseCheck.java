package dev.keywarden.checks;

import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.PasswordRules;
import java.util.Optional;

/**
 * The password policy part of Security Hub IAM.12: passwords need at least one lower-case letter
 * (a-z).
 */
public final class PasswordPolicyLowercaseCheck extends PasswordPolicyPart {
  public static final CheckMetadata METADATA =
      metadata(
          "password-policy-lowercase",
          "Password policy does not require a lower-case letter",
          "No account password policy, or one that does not require at least one lower-case letter (a-z).",
          "IAM.12",
          "--require-lowercase-characters");

  PasswordPolicyLowercaseCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  String part() {
    return "lowercase";
  }

  @Override
  String requirement() {
    return "a lower-case letter";
  }

  @Override
  Optional<String> shortfall(PasswordPolicy policy, PasswordRules rules) {
    return rules.lowercase()
        ? Optional.empty()
        : Optional.of("passwords need not contain a lower-case letter");
  }
}
