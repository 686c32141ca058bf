package dev.keywarden.checks;

import dev.keywarden.inventory.IamGroup;
import dev.keywarden.inventory.IamSurface;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.inventory.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the checks on roles, policies, certificates and account settings share. */
final class Surfaces {
  static final String MISSING =
      "roles, customer-managed policies, certificates and account settings are not in this"
          + " inventory, as in an offline audit of a report file";

  /** AWS-managed policies that some checks judge by their ARN. */
  static final String SUPPORT_ACCESS_ARN = "arn:aws:iam::aws:policy/AWSSupportAccess";

  static final String CLOUDSHELL_FULL_ACCESS_ARN =
      "arn:aws:iam::aws:policy/AWSCloudShellFullAccess";

  private Surfaces() {}

  static Optional<IamSurface> of(CheckContext context) {
    return context.inventory().surface();
  }

  /**
   * "managed policy X attached to H", "inline policy Y of H" for each policy that grants {@code
   * *:*}.
   */
  static List<String> adminGrants(
      List<PolicyDocument> attached, List<PolicyDocument> inline, String holder) {
    List<String> grants = new ArrayList<>();
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
    return grants;
  }

  /** How a user comes by {@code *:*}: its own policies and its groups'; empty when it does not. */
  static List<String> userAdminGrants(IamUser user, java.util.Map<String, IamGroup> groups) {
    List<String> grants =
        new ArrayList<>(adminGrants(user.attachedPolicies(), user.inlinePolicies(), "the user"));
    for (String groupName : user.groups()) {
      IamGroup group = groups.get(groupName);
      if (group != null) {
        grants.addAll(
            adminGrants(group.attachedPolicies(), group.inlinePolicies(), "group " + groupName));
      }
    }
    return grants;
  }

  static boolean attaches(List<PolicyDocument> attached, String arn) {
    return attached.stream().anyMatch(p -> arn.equals(p.arn()));
  }
}
