package dev.keywarden.checks;

import java.util.List;

/** Finds roles anyone in any AWS account may assume: the confused-deputy door left open. */
public final class RoleTrustOpenCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "role-trust-open",
          "Role trust policy lets any principal assume the role",
          "A role whose trust policy has an Allow statement without a `Condition` whose `Principal` is `*`, or whose `AWS`"
              + " principal is `*` or an ARN in account `*`. Any condition (an external id, `aws:PrincipalOrgID`,"
              + " `aws:SourceAccount`) makes the statement not judged open.",
          Severity.CRITICAL,
          List.of(),
          List.of(),
          List.of(),
          "Name the accounts or roles that may assume the role in the trust policy, and add a condition: `sts:ExternalId` for"
              + " third parties, `aws:PrincipalOrgID` for your Organization.");

  RoleTrustOpenCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    return Surfaces.eachRole(
        context,
        METADATA,
        role ->
            PolicyDocuments.openTrust(role.trustPolicy())
                .map(why -> "the trust policy of role " + role.name() + " allows " + why));
  }
}
