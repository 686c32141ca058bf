package dev.keywarden.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code GetAccountAuthorizationDetails} says of one IAM role.
 *
 * @param name the role's name
 * @param arn the role's ARN
 * @param path the role's path; service-linked roles live under {@code /aws-service-role/}
 * @param created when the role was created
 * @param lastUsed when the role was last assumed ({@code RoleLastUsed}); empty when IAM has no
 *     record
 * @param trustPolicy the trust (assume-role) policy JSON, URL-decoded; empty when IAM returned none
 * @param attachedPolicies managed policies attached to the role (documents resolved when local)
 * @param inlinePolicies the role's inline policies
 */
public record IamRole(
    String name,
    String arn,
    String path,
    Instant created,
    Optional<Instant> lastUsed,
    String trustPolicy,
    List<PolicyDocument> attachedPolicies,
    List<PolicyDocument> inlinePolicies) {
  public IamRole {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastUsed, "lastUsed");
    Objects.requireNonNull(trustPolicy, "trustPolicy");
    attachedPolicies = List.copyOf(attachedPolicies);
    inlinePolicies = List.copyOf(inlinePolicies);
  }

  /**
   * Whether AWS created and manages the role for a service; its owner cannot change or delete it at
   * will.
   */
  public boolean serviceLinked() {
    return path.startsWith("/aws-service-role/");
  }
}
