package dev.keywarden.checks;

import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.PasswordRules;
import java.util.Optional;

/** The password policy part of Security Hub IAM.17: passwords expire within 90 days. */
public final class PasswordPolicyExpiryCheck extends PasswordPolicyPart {
  /** The longest password life Security Hub IAM.17 accepts. */
  static final int MAX_AGE_DAYS = 90;

  public static final CheckMetadata METADATA =
      metadata(
          "password-policy-expiry",
          "Password policy does not expire passwords within " + MAX_AGE_DAYS + " days",
          "No account password policy, or one whose passwords never expire or expire after more than "
              + MAX_AGE_DAYS
              + " days. (CIS no longer asks for expiry; NIST SP 800-63B advises against it. Exempt the account's"
              + " `password-policy-expiry` findings if you follow them.)",
          "IAM.17",
          "--max-password-age 90");

  PasswordPolicyExpiryCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  String part() {
    return "expiry";
  }

  @Override
  String requirement() {
    return "expiry within " + MAX_AGE_DAYS + " days";
  }

  @Override
  Optional<String> shortfall(PasswordPolicy policy, PasswordRules rules) {
    if (policy.maxAgeDays().isEmpty()) {
      return Optional.of("passwords never expire (required: within " + MAX_AGE_DAYS + " days)");
    }
    int days = policy.maxAgeDays().get();
    return days <= MAX_AGE_DAYS
        ? Optional.empty()
        : Optional.of(
            "passwords expire after "
                + days
                + " days (required: within "
                + MAX_AGE_DAYS
                + " days)");
  }
}
