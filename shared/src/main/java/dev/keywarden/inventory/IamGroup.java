package dev.keywarden.inventory;

import java.util.List;
import java.util.Objects;

/**
 * An IAM group with the policies attached to it.
 *
 * @param name the group's name
 * @param attachedPolicies managed policies attached to the group (documents resolved when local)
 * @param inlinePolicies the group's inline policies
 */
public record IamGroup(
    String name, List<PolicyDocument> attachedPolicies, List<PolicyDocument> inlinePolicies) {
  public IamGroup {
    Objects.requireNonNull(name, "name");
    attachedPolicies = List.copyOf(attachedPolicies);
    inlinePolicies = List.copyOf(inlinePolicies);
  }
}
