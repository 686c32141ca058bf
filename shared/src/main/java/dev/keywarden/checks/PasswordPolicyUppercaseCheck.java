package dev.keywarden.checks;

import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.PasswordRules;
import java.util.Optional;

/**
 * The password policy part of Security Hub IAM.11: passwords need at least one upper-case letter
 * (A-Z).
 */
public final class PasswordPolicyUppercaseCheck extends PasswordPolicyPart {
  public static final CheckMetadata METADATA =
      metadata(
          "password-policy-uppercase",
          "Password policy does not require an upper-case letter",
          "No account password policy, or one that does not require at least one upper-case letter (A-Z).",
          "IAM.11",
          "--require-uppercase-characters");

  PasswordPolicyUppercaseCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  String part() {
    return "uppercase";
  }

  @Override
  String requirement() {
    return "an upper-case letter";
  }

  @Override
  Optional<String> shortfall(PasswordPolicy policy, PasswordRules rules) {
    return rules.uppercase()
        ? Optional.empty()
        : Optional.of("passwords need not contain an upper-case letter");
  }
}
