package dev.keywarden.checks;

import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.PasswordRules;
import java.util.Optional;

/**
 * The password policy part of Security Hub IAM.13: passwords need at least one non-alphanumeric
 * character.
 */
public final class PasswordPolicySymbolsCheck extends PasswordPolicyPart {
  public static final CheckMetadata METADATA =
      metadata(
          "password-policy-symbols",
          "Password policy does not require a symbol",
          "No account password policy, or one that does not require at least one non-alphanumeric character.",
          "IAM.13",
          "--require-symbols");

  PasswordPolicySymbolsCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  String part() {
    return "symbols";
  }

  @Override
  String requirement() {
    return "a symbol";
  }

  @Override
  Optional<String> shortfall(PasswordPolicy policy, PasswordRules rules) {
    return rules.symbols() ? Optional.empty() : Optional.of("passwords need not contain a symbol");
  }
}
