package dev.keywarden.checks;

import dev.keywarden.inventory.PasswordPolicy;
import java.util.Optional;

/** Values several check tests share: a full-admin policy document and a strong password policy. */
final class CheckFixtures {
  /** Allows every action on every resource. */
  static final String ADMIN =
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  /** Length 14, 24 remembered, expiry after 90 days. */
  static final PasswordPolicy STRONG =
      new PasswordPolicy(true, 14, Optional.of(24), Optional.of(90));

  private CheckFixtures() {}
}
