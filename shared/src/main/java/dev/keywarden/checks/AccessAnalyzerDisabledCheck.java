package dev.keywarden.checks;

import dev.keywarden.inventory.IamSurface;
import java.util.List;

/**
 * Flags an account with no IAM Access Analyzer, which is what finds resources shared outside the
 * account.
 */
public final class AccessAnalyzerDisabledCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "access-analyzer-disabled",
          "IAM Access Analyzer is not enabled",
          "No active external-access analyzer of the account or of its Organization (`ListAnalyzers`, type ACCOUNT or"
              + " ORGANIZATION, status ACTIVE) in the region Keywarden audits from. Other regions are not read.",
          Severity.MEDIUM,
          List.of("1.20"),
          List.of("1.19"),
          List.of("IAM.28"),
          "Create an analyzer in every region you use (`aws accessanalyzer create-analyzer --analyzer-name default --type"
              + " ACCOUNT`), or one of type ORGANIZATION from the delegated administrator.");

  AccessAnalyzerDisabledCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    return Surfaces.accountSetting(
        context,
        METADATA,
        IamSurface::accessAnalyzer,
        "#access-analyzer",
        "the account has no active IAM Access Analyzer analyzer in the audited region");
  }
}
