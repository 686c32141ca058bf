package dev.keywarden.aws;

import dev.keywarden.inventory.IamRole;
import dev.keywarden.inventory.ManagedPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;

/**
 * Turns the roles and customer-managed policies of the {@code GetAccountAuthorizationDetails} pages
 * into inventory records. Like {@link AuthorizationAssembler}, it reads every page before resolving
 * any document, since a role on one page may attach a policy listed on a later one.
 */
final class SurfaceAssembler {
  private SurfaceAssembler() {}

  static List<ManagedPolicy> localPolicies(Iterable<GetAccountAuthorizationDetailsResponse> pages) {
    List<ManagedPolicy> policies = new ArrayList<>();
    for (GetAccountAuthorizationDetailsResponse page : pages) {
      for (ManagedPolicyDetail policy : page.policies()) {
        String name =
            policy.policyName() != null
                ? policy.policyName()
                : policy.arn().substring(policy.arn().lastIndexOf('/') + 1);
        policies.add(
            new ManagedPolicy(
                name,
                policy.arn(),
                AuthorizationAssembler.defaultDocument(policy),
                policy.attachmentCount() == null ? 0 : policy.attachmentCount()));
      }
    }
    return policies;
  }

  static List<IamRole> roles(Iterable<GetAccountAuthorizationDetailsResponse> pages) {
    Map<String, String> localDocuments = new HashMap<>();
    List<RoleDetail> details = new ArrayList<>();
    for (GetAccountAuthorizationDetailsResponse page : pages) {
      details.addAll(page.roleDetailList());
      page.policies()
          .forEach(
              policy ->
                  localDocuments.put(policy.arn(), AuthorizationAssembler.defaultDocument(policy)));
    }
    List<IamRole> roles = new ArrayList<>(details.size());
    for (RoleDetail role : details) {
      Optional<java.time.Instant> lastUsed =
          Optional.ofNullable(role.roleLastUsed()).map(r -> r.lastUsedDate());
      roles.add(
          new IamRole(
              role.roleName(),
              role.arn(),
              role.path() == null ? "/" : role.path(),
              role.createDate(),
              lastUsed,
              AuthorizationAssembler.decode(role.assumeRolePolicyDocument()),
              AuthorizationAssembler.attached(role.attachedManagedPolicies(), localDocuments),
              AuthorizationAssembler.inline(role.rolePolicyList())));
    }
    return roles;
  }
}
