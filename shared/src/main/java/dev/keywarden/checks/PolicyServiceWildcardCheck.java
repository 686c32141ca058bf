package dev.keywarden.checks;

import java.util.List;
import java.util.Optional;

/**
 * Finds customer-managed policies granting every action of a service, such as {@code iam:*}, which
 * rarely is meant.
 */
public final class PolicyServiceWildcardCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "policy-service-wildcard",
          "Customer-managed policy allows every action of a service",
          "A customer-managed policy whose default version has an Allow statement with an Action of the form `service:*`"
              + " (such as `s3:*`), on any resource. `*` alone is `policy-full-admin`; `NotAction` is not judged.",
          Severity.MEDIUM,
          List.of(),
          List.of(),
          List.of("IAM.21"),
          "List the actions the holders need instead of `service:*` (IAM Access Analyzer can generate them from CloudTrail).");

  PolicyServiceWildcardCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    return Surfaces.eachLocalPolicy(
        context,
        METADATA,
        policy -> {
          List<String> wildcards = PolicyDocuments.serviceWildcards(policy.document());
          return wildcards.isEmpty()
              ? Optional.empty()
              : Optional.of(
                  "customer-managed policy "
                      + policy.name()
                      + " allows "
                      + String.join(", ", wildcards));
        });
  }
}
