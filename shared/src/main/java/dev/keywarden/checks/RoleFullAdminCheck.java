package dev.keywarden.checks;

import java.util.List;
import java.util.Optional;

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
    return Surfaces.eachRole(
        context,
        METADATA,
        role -> {
          List<String> grants =
              Surfaces.adminGrants(role.attachedPolicies(), role.inlinePolicies(), "the role");
          return grants.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  "role "
                      + role.name()
                      + " is granted *:* (full administrator) through "
                      + String.join("; ", grants));
        });
  }
}
