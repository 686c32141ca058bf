package dev.keywarden.checks;

import dev.keywarden.inventory.IamSurface;
import java.util.List;

/** Flags an Organization whose member accounts still each keep root credentials of their own. */
public final class RootAccessNotCentralizedCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "root-access-not-centralized",
          "Organization does not manage member accounts' root credentials centrally",
          "The Organization's IAM features (`ListOrganizationsFeatures`) do not include RootCredentialsManagement, or IAM's"
              + " trusted access is not enabled. Judged only where IAM answers: the management account or the IAM delegated"
              + " administrator; skipped elsewhere and outside an Organization.",
          Severity.MEDIUM,
          List.of(),
          List.of(),
          List.of(),
          "In the management account, enable centralized root access (`aws organizations enable-aws-service-access"
              + " --service-principal iam.amazonaws.com`, then `aws iam enable-organizations-root-credentials-management`),"
              + " and remove member accounts' root passwords, keys and MFA.");

  RootAccessNotCentralizedCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    return Surfaces.accountSetting(
        context,
        METADATA,
        IamSurface::rootCredentialsManagement,
        "#organization-root-access",
        "the Organization does not manage member accounts' root credentials centrally (RootCredentialsManagement is off)");
  }
}
