package dev.keywarden.checks;

import dev.keywarden.inventory.PasswordRules;

/** {@code password-policy-numbers}: the part contract. */
class PasswordPolicyNumbersCheckTest extends PasswordPolicyPartContract {
  @Override
  Check check() {
    return new PasswordPolicyNumbersCheck();
  }

  @Override
  String part() {
    return "numbers";
  }

  @Override
  PasswordRules allBut() {
    return new PasswordRules(true, true, false, true);
  }
}
