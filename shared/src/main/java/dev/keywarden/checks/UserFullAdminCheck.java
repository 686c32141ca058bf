package dev.keywarden.checks;

import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.IamGroup;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.inventory.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds users who may do anything to anything, whose long-term credentials are the worst to leak.
 */
public final class UserFullAdminCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "user-full-admin",
          "User is granted full administrator access (*:*)",
          "A user granted `*:*`: AdministratorAccess, or a policy of the user or of one of its groups with an Allow statement on Action `*` and Resource `*`.",
          Severity.HIGH,
          List.of("1.16"),
          List.of("IAM.1"),
          "Remove *:* from the user: give administrators a role assumed with MFA or an IAM Identity Center permission set,"
              + " and give the user least-privilege policies for what it actually does.");

  UserFullAdminCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    if (context.inventory().authorization().isEmpty()) {
      return CheckOutcome.skipped(Needs.AUTHORIZATION);
    }
    AuthorizationDetails details = context.inventory().authorization().get();
    List<Finding> findings = new ArrayList<>();
    for (IamUser user : details.usersByName()) {
      List<String> grants = new ArrayList<>();
      addGrants(grants, user.attachedPolicies(), user.inlinePolicies(), "the user");
      for (String groupName : user.groups()) {
        IamGroup group = details.groups().get(groupName);
        if (group != null) {
          addGrants(grants, group.attachedPolicies(), group.inlinePolicies(), "group " + groupName);
        }
      }
      if (!grants.isEmpty()) {
        String message =
            user.name()
                + " is granted *:* (full administrator) through "
                + String.join("; ", grants);
        findings.add(Finding.of(METADATA, context.accountId(), user.name(), user.arn(), message));
      }
    }
    return CheckOutcome.of(findings);
  }

  private static void addGrants(
      List<String> grants,
      List<PolicyDocument> attached,
      List<PolicyDocument> inline,
      String holder) {
    for (PolicyDocument policy : attached) {
      if (PolicyDocument.ADMINISTRATOR_ACCESS_ARN.equals(policy.arn())
          || PolicyDocuments.grantsFullAdmin(policy.document())) {
        grants.add("managed policy " + policy.name() + " attached to " + holder);
      }
    }
    for (PolicyDocument policy : inline) {
      if (PolicyDocuments.grantsFullAdmin(policy.document())) {
        grants.add("inline policy " + policy.name() + " of " + holder);
      }
    }
  }
}
