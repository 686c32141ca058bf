package dev.keywarden.checks;

import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.inventory.ReportCoverage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names the users the credential report and IAM disagree on, so that an audit of a partial view of
 * an account is never a silent pass.
 *
 * <p>IAM serves the same credential report for up to four hours, so users created since are not in
 * it and the report's checks (keys, console password, MFA) cannot judge them; users deleted since
 * are still in it. The first become findings here; the second become findings here too, and {@link
 * CheckRunner} sets aside every other finding on them, since they describe users that are gone.
 */
public final class InventoryGapCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "inventory-gap",
          "Credential report and IAM disagree on the account's users",
          "A user that GetAccountAuthorizationDetails lists has no row in the credential report (created after the report"
              + " was generated; its keys, console password and MFA were not judged), or a credential report row names a user"
              + " IAM no longer lists (deleted since; its row's findings are set aside). Compared by user name after at most one"
              + " regeneration of the report, made when the report is at least 4 hours old.",
          Severity.HIGH,
          List.of(),
          List.of(),
          "IAM generates a new credential report at most every 4 hours: rerun the audit once the report is 4 hours old (the"
              + " finding resolves when the report and IAM agree), and meanwhile review the named users' access keys, console"
              + " password and MFA by hand (aws iam list-access-keys --user-name NAME, aws iam list-mfa-devices --user-name NAME).");

  /** The checks that read the credential report's user rows, which cannot judge a user it lacks. */
  static final List<String> REPORT_CHECKS =
      List.of(
          "key-rotation-due",
          "key-expired",
          "key-unused",
          "key-created-with-user",
          "multiple-active-keys",
          "console-without-mfa",
          "console-unused",
          "human-long-term-key",
          "owner-missing");

  InventoryGapCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    if (context.inventory().authorization().isEmpty()) {
      return CheckOutcome.skipped(Needs.AUTHORIZATION);
    }
    ReportCoverage coverage = coverage(context);
    List<Finding> findings = new ArrayList<>();
    for (IamUser user : coverage.missingFromReport()) {
      findings.add(
          Finding.of(
              METADATA,
              context.accountId(),
              user.name(),
              user.arn(),
              user.name()
                  + " (created "
                  + user.created()
                  + ") is listed by IAM but has no row in the credential report, so it was not judged by "
                  + Needs.list(REPORT_CHECKS)));
    }
    for (CredentialReportRow row : coverage.unknownToIam()) {
      findings.add(
          Finding.of(
              METADATA,
              context.accountId(),
              row.user(),
              row.arn(),
              row.user()
                  + " is in the credential report but IAM no longer lists it (deleted after the report was generated?), so its"
                  + " report row was not judged"));
    }
    return CheckOutcome.of(findings);
  }

  /** The report rows whose other findings are set aside: users IAM does not list. Empty offline. */
  static Set<String> unknownToIam(CheckContext context) {
    return context.inventory().authorization().isEmpty()
        ? Set.of()
        : coverage(context).unknownNames();
  }

  private static ReportCoverage coverage(CheckContext context) {
    return ReportCoverage.of(
        context.inventory().credentialReport(), context.inventory().authorization().get());
  }
}
