package dev.keywarden.checks;

import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.IamUser;
import java.util.ArrayList;
import java.util.List;

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
    if (context.inventory().authorization().isEmpty()) {
      return CheckOutcome.skipped(Needs.AUTHORIZATION);
    }
    AuthorizationDetails details = context.inventory().authorization().get();
    List<Finding> findings = new ArrayList<>();
    for (IamUser user : details.usersByName()) {
      if (!user.hasDirectPolicies()) {
        continue;
      }
      List<String> policies = new ArrayList<>();
      user.attachedPolicies().forEach(p -> policies.add("managed policy " + p.name()));
      user.inlinePolicies().forEach(p -> policies.add("inline policy " + p.name()));
      String message = user.name() + " has policies of its own: " + String.join(", ", policies);
      findings.add(Finding.of(METADATA, context.accountId(), user.name(), user.arn(), message));
    }
    return CheckOutcome.of(findings);
  }
}
