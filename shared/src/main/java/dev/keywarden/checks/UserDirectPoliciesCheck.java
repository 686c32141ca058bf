package dev.keywarden.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds permissions granted to users one by one, which drift and escape review. */
public final class UserDirectPoliciesCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "user-direct-policies",
          "User has policies attached directly",
          "A user with managed or inline policies attached to the user itself rather than through a group.",
          Severity.LOW,
          List.of("1.15"),
          List.of("IAM.2"),
          "Grant permissions through groups or roles: add the user to a group that carries the needed policies, then detach"
              + " the managed policies from the user and delete its inline policies.");

  UserDirectPoliciesCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    return UserFindings.each(
        context,
        METADATA,
        (user, details) -> {
          if (!user.hasDirectPolicies()) {
            return Optional.empty();
          }
          List<String> policies = new ArrayList<>();
          user.attachedPolicies().forEach(p -> policies.add("managed policy " + p.name()));
          user.inlinePolicies().forEach(p -> policies.add("inline policy " + p.name()));
          return Optional.of(
              user.name() + " has policies of its own: " + String.join(", ", policies));
        });
  }
}
