package dev.keywarden.checks;

import java.util.List;
import java.util.Optional;

/**
 * Finds customer-managed policies that grant {@code *:*}: one attachment away from a new
 * administrator.
 */
public final class PolicyFullAdminCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "policy-full-admin",
          "Customer-managed policy grants full administrator access (*:*)",
          "A customer-managed policy whose default version has an Allow statement on Action `*` and Resource `*`, attached"
              + " or not (the finding says to how many users, groups and roles).",
          Severity.HIGH,
          List.of("1.16"),
          List.of("1.15"),
          List.of("IAM.1"),
          "Replace `*:*` with the actions and resources the holders need (IAM Access Analyzer can generate a policy from"
              + " CloudTrail); delete the policy if nothing needs it.");

  PolicyFullAdminCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    return Surfaces.eachLocalPolicy(
        context,
        METADATA,
        policy ->
            PolicyDocuments.grantsFullAdmin(policy.document())
                ? Optional.of(
                    "customer-managed policy "
                        + policy.name()
                        + " allows *:* (full administrator) and is attached to "
                        + policy.attachments()
                        + (policy.attachments() == 1 ? " identity" : " identities"))
                : Optional.empty());
  }
}
