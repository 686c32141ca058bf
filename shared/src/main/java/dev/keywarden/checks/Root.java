package dev.keywarden.checks;

import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.ReportColumn;
import java.util.List;
import java.util.Optional;

/**
 * What is known about the root user: from its report row when IAM wrote one, else the account
 * summary.
 */
final class Root {
  static final String NO_ROW = "the credential report has no " + CredentialReportRow.ROOT + " row";
  static final String NO_SUMMARY =
      "the account summary (GetAccountSummary) is not in this inventory";

  private Root() {}

  /** The root row, when the report has one carrying every column. */
  static Optional<CredentialReportRow> row(CheckContext context, ReportColumn... columns) {
    CredentialReport report = context.inventory().credentialReport();
    for (ReportColumn column : columns) {
      if (!report.has(column)) {
        return Optional.empty();
      }
    }
    return report.root();
  }

  /** Whether root has MFA, from the report row or the summary; empty when neither says. */
  static Optional<Boolean> mfa(CheckContext context) {
    return row(context, ReportColumn.MFA_ACTIVE)
        .map(CredentialReportRow::mfaActive)
        .or(() -> context.inventory().summary().map(s -> s.rootMfaEnabled()));
  }

  /** The skip reason when neither the root row (with the columns) nor the summary is there. */
  static String unknown(CheckContext context, ReportColumn... columns) {
    String row =
        context.inventory().credentialReport().root().isEmpty()
            ? NO_ROW
            : Needs.columns(context, columns).orElse(NO_ROW);
    return row + " and " + NO_SUMMARY;
  }

  /** The check's one finding, on the root user of the audited account. */
  static CheckOutcome finding(CheckContext context, CheckMetadata metadata, String message) {
    String accountId = context.accountId();
    return CheckOutcome.of(
        List.of(
            Finding.of(
                metadata,
                accountId,
                CredentialReportRow.ROOT,
                Resources.rootArn(accountId),
                message)));
  }
}
