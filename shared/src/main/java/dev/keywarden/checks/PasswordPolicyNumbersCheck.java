package dev.keywarden.checks;

import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.PasswordRules;
import java.util.Optional;

/** The password policy part of Security Hub IAM.14: passwords need at least one digit (0-9). */
public final class PasswordPolicyNumbersCheck extends PasswordPolicyPart {
  public static final CheckMetadata METADATA =
      metadata(
          "password-policy-numbers",
          "Password policy does not require a number",
          "No account password policy, or one that does not require at least one digit (0-9).",
          "IAM.14",
          "--require-numbers");

  PasswordPolicyNumbersCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  String part() {
    return "numbers";
  }

  @Override
  String requirement() {
    return "a number";
  }

  @Override
  Optional<String> shortfall(PasswordPolicy policy, PasswordRules rules) {
    return rules.numbers() ? Optional.empty() : Optional.of("passwords need not contain a number");
  }
}
