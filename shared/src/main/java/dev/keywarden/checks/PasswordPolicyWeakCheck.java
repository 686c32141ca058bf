package dev.keywarden.checks;

import dev.keywarden.inventory.PasswordPolicy;
import java.util.ArrayList;
import java.util.List;

/** Flags an account whose password policy lets users choose short or recycled passwords. */
public final class PasswordPolicyWeakCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "password-policy-weak",
          "Account password policy is missing or weak",
          "No account password policy, or a minimum length under `min-password-length` (14), or reuse prevention under `password-reuse-prevention` (24).",
          Severity.MEDIUM,
          List.of("1.8", "1.9"),
          List.of("IAM.7", "IAM.15", "IAM.16"),
          "Set the account password policy (IAM console: Account settings, or `aws iam update-account-password-policy"
              + " --minimum-password-length 14 --password-reuse-prevention 24`) to at least the required length and reuse"
              + " prevention.");

  PasswordPolicyWeakCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    if (context.inventory().passwordPolicy().isEmpty()) {
      return CheckOutcome.skipped(Needs.PASSWORD_POLICY);
    }
    PasswordPolicy policy = context.inventory().passwordPolicy().get();
    int minLength = context.policy().minPasswordLength();
    int minReuse = context.policy().passwordReusePrevention();
    String required =
        "(required: at least "
            + minLength
            + " characters and "
            + minReuse
            + " remembered passwords)";
    String message;
    if (!policy.present()) {
      message = "the account has no password policy, so IAM's default applies " + required;
    } else {
      List<String> shortfalls = new ArrayList<>();
      if (policy.minimumLength() < minLength) {
        shortfalls.add(
            "minimum length is "
                + policy.minimumLength()
                + " (required at least "
                + minLength
                + ")");
      }
      int reuse = policy.reusePrevention().orElse(0);
      if (reuse < minReuse) {
        shortfalls.add(
            policy.reusePrevention().isEmpty()
                ? "password reuse is not prevented (required at least "
                    + minReuse
                    + " remembered passwords)"
                : "reuse prevention remembers "
                    + reuse
                    + " passwords (required at least "
                    + minReuse
                    + ")");
      }
      if (shortfalls.isEmpty()) {
        return CheckOutcome.of(List.of());
      }
      message = "the account password policy is weak: " + String.join("; ", shortfalls);
    }
    String accountId = context.accountId();
    return CheckOutcome.of(
        List.of(
            Finding.of(
                METADATA,
                accountId,
                Finding.ACCOUNT,
                Resources.passwordPolicyArn(accountId),
                message)));
  }
}
