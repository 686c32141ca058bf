package dev.keywarden.checks;

import dev.keywarden.inventory.IamRole;
import java.util.ArrayList;
import java.util.List;

/** Finds roles that may do anything to anything: whoever can assume them owns the account. */
public final class RoleFullAdminCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "role-full-admin",
          "Role is granted full administrator access (*:*)",
          "A role with AdministratorAccess attached, or a managed or inline policy with an Allow statement on Action `*` and"
              + " Resource `*`. Service-linked roles are included (AWS never gives them `*:*`).",
          Severity.HIGH,
          List.of("1.16"),
          List.of("1.15"),
          List.of("IAM.1"),
          "Give the role least-privilege policies for what its users do; keep break-glass administrator roles few, named,"
              + " assumable only with MFA, and exempt them with a reason.");

  RoleFullAdminCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    if (Surfaces.of(context).isEmpty()) {
      return CheckOutcome.skipped(Surfaces.MISSING);
    }
    List<Finding> findings = new ArrayList<>();
    for (IamRole role : Surfaces.of(context).get().roles()) {
      List<String> grants =
          Surfaces.adminGrants(role.attachedPolicies(), role.inlinePolicies(), "the role");
      if (!grants.isEmpty()) {
        findings.add(
            Finding.of(
                METADATA,
                context.accountId(),
                "role/" + role.name(),
                role.arn(),
                "role "
                    + role.name()
                    + " is granted *:* (full administrator) through "
                    + String.join("; ", grants)));
      }
    }
    return CheckOutcome.of(findings);
  }
}
