package dev.keywarden.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code GetAccountAuthorizationDetails} says of one IAM user.
 *
 * @param name the user's name
 * @param arn the user's ARN
 * @param created when the user was created
 * @param tags the user's tags, key to value
 * @param groups names of the groups the user belongs to
 * @param attachedPolicies managed policies attached directly to the user (documents resolved when
 *     the policy is customer-managed)
 * @param inlinePolicies the user's inline policies
 */
public record IamUser(
    String name,
    String arn,
    Instant created,
    Map<String, String> tags,
    List<String> groups,
    List<PolicyDocument> attachedPolicies,
    List<PolicyDocument> inlinePolicies) {
  public IamUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(created, "created");
    tags = Map.copyOf(tags);
    groups = List.copyOf(groups);
    attachedPolicies = List.copyOf(attachedPolicies);
    inlinePolicies = List.copyOf(inlinePolicies);
  }

  /** Whether any policy is attached to the user itself rather than through a group. */
  public boolean hasDirectPolicies() {
    return !attachedPolicies.isEmpty() || !inlinePolicies.isEmpty();
  }
}
