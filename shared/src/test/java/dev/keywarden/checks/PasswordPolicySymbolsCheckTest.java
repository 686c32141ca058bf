package dev.keywarden.checks;

import dev.keywarden.inventory.PasswordRules;

/** {@code password-policy-symbols}: the part contract. */
class PasswordPolicySymbolsCheckTest extends PasswordPolicyPartContract {
  @Override
  Check check() {
    return new PasswordPolicySymbolsCheck();
  }

  @Override
  String part() {
    return "symbols";
  }

  @Override
  PasswordRules allBut() {
    return new PasswordRules(true, true, true, false);
  }
}
