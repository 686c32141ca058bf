package dev.keywarden.checks;

import dev.keywarden.inventory.PasswordRules;

/** {@code password-policy-uppercase}: the part contract. */
class PasswordPolicyUppercaseCheckTest extends PasswordPolicyPartContract {
  @Override
  Check check() {
    return new PasswordPolicyUppercaseCheck();
  }

  @Override
  String part() {
    return "uppercase";
  }

  @Override
  PasswordRules allBut() {
    return new PasswordRules(false, true, true, true);
  }
}
