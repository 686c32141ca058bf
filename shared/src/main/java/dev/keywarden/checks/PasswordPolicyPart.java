package dev.keywarden.checks;

import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.PasswordRules;
import java.util.List;
import java.util.Optional;

/**
 * One part of the account password policy judged on its own, so each Security Hub control has its
 * own answer.
 */
abstract class PasswordPolicyPart implements Check {
  @Override
  public final CheckOutcome evaluate(CheckContext context) {
    if (context.inventory().passwordPolicy().isEmpty()) {
      return CheckOutcome.skipped(Needs.PASSWORD_POLICY);
    }
    if (Surfaces.of(context).isEmpty()) {
      return CheckOutcome.skipped(Surfaces.MISSING);
    }
    PasswordPolicy policy = context.inventory().passwordPolicy().get();
    Optional<String> shortfall =
        policy.present()
            ? shortfall(policy, Surfaces.of(context).get().passwordRules())
            : Optional.of(
                "the account has no password policy, so " + requirement() + " is not required");
    String accountId = context.accountId();
    return CheckOutcome.of(
        shortfall
            .map(
                why ->
                    List.of(
                        Finding.of(
                            metadata(),
                            accountId,
                            Finding.ACCOUNT,
                            Resources.passwordPolicyArn(accountId),
                            "password policy part '" + part() + "': " + why)))
            .orElse(List.of()));
  }

  /** The part's name in findings, such as "uppercase". */
  abstract String part();

  /** What the part requires, for the no-policy message, such as "an upper-case letter". */
  abstract String requirement();

  /** What is wrong with an existing policy for this part, or empty when it complies. */
  abstract Optional<String> shortfall(PasswordPolicy policy, PasswordRules rules);

  static CheckMetadata metadata(String id, String title, String rule, String control, String flag) {
    return new CheckMetadata(
        id,
        title,
        rule,
        Severity.LOW,
        List.of(),
        List.of(),
        List.of("IAM.7", "IAM.10", control),
        "Update the account password policy (IAM console: Account settings, or `aws iam update-account-password-policy "
            + flag
            + "` together with the other settings you keep; the call replaces the whole policy).");
  }
}
