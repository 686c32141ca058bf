package dev.keywarden.checks;

import dev.keywarden.inventory.IamRole;
import java.util.List;

/**
 * Flags an account where nobody can open an AWS Support case without full rights: incidents then
 * wait for an admin.
 */
public final class SupportRoleMissingCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "support-role-missing",
          "No IAM role has AWSSupportAccess",
          "No role of the account has the AWS-managed policy AWSSupportAccess attached.",
          Severity.LOW,
          List.of("1.17"),
          List.of("1.16"),
          List.of("IAM.18"),
          "Create a role for incident handlers that trusts your identity provider or accounts, attach AWSSupportAccess to it"
              + " (`aws iam attach-role-policy --policy-arn arn:aws:iam::aws:policy/AWSSupportAccess`).");

  SupportRoleMissingCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    if (Surfaces.of(context).isEmpty()) {
      return CheckOutcome.skipped(Surfaces.MISSING);
    }
    List<IamRole> roles = Surfaces.of(context).get().roles();
    if (roles.stream()
        .anyMatch(r -> Surfaces.attaches(r.attachedPolicies(), Surfaces.SUPPORT_ACCESS_ARN))) {
      return CheckOutcome.of(List.of());
    }
    return Surfaces.accountFinding(
        context,
        METADATA,
        "#support-role",
        "none of the account's "
            + Resources.plural(roles.size(), "role")
            + " has AWSSupportAccess attached");
  }
}
