package dev.keywarden.checks;

import dev.keywarden.inventory.PasswordRules;

/** {@code password-policy-lowercase}: the part contract. */
class PasswordPolicyLowercaseCheckTest extends PasswordPolicyPartContract {
  @Override
  Check check() {
    return new PasswordPolicyLowercaseCheck();
  }

  @Override
  String part() {
    return "lowercase";
  }

  @Override
  PasswordRules allBut() {
    return new PasswordRules(true, false, true, true);
  }
}
