package dev.keywarden.checks;

import dev.keywarden.inventory.IamGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds groups that give their members {@code *:*}: every member added later becomes an
 * administrator.
 */
public final class GroupFullAdminCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "group-full-admin",
          "Group is granted full administrator access (*:*)",
          "A group with AdministratorAccess attached, or a managed or inline policy with an Allow statement on Action `*`"
              + " and Resource `*`, whether or not it has members.",
          Severity.HIGH,
          List.of("1.16"),
          List.of("1.15"),
          List.of("IAM.1"),
          "Detach the administrator policy from the group; give administrators a role assumed with MFA or an IAM Identity"
              + " Center permission set instead.");

  GroupFullAdminCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    if (context.inventory().authorization().isEmpty()) {
      return CheckOutcome.skipped(Needs.AUTHORIZATION);
    }
    List<Finding> findings = new ArrayList<>();
    List<IamGroup> groups =
        context.inventory().authorization().get().groups().values().stream()
            .sorted(Comparator.comparing(IamGroup::name))
            .toList();
    for (IamGroup group : groups) {
      List<String> grants =
          Surfaces.adminGrants(group.attachedPolicies(), group.inlinePolicies(), "the group");
      if (!grants.isEmpty()) {
        String arn = "arn:aws:iam::" + context.accountId() + ":group/" + group.name();
        findings.add(
            Finding.of(
                METADATA,
                context.accountId(),
                "group/" + group.name(),
                arn,
                "group "
                    + group.name()
                    + " is granted *:* (full administrator) through "
                    + String.join("; ", grants)));
      }
    }
    return CheckOutcome.of(findings);
  }
}
