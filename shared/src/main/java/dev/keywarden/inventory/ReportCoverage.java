package dev.keywarden.inventory;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the credential report's users compare with the users IAM lists, so that a report older than
 * the account (IAM serves one for up to four hours) is never taken as the whole account.
 *
 * <p>Users are matched by name, exactly as both sources spell it. The root row is not a user and is
 * never compared.
 *
 * @param missingFromReport users IAM lists that have no row in the report, by name: the report's
 *     checks cannot judge their keys, console password or MFA
 * @param unknownToIam report rows of users IAM no longer lists (deleted after the report was
 *     generated), by name: their rows describe users that are gone
 */
public record ReportCoverage(
    List<IamUser> missingFromReport, List<CredentialReportRow> unknownToIam) {
  public ReportCoverage {
    missingFromReport = List.copyOf(missingFromReport);
    unknownToIam = List.copyOf(unknownToIam);
  }

  /** Compares the report's user rows with IAM's users. */
  public static ReportCoverage of(CredentialReport report, AuthorizationDetails authorization) {
    Set<String> reported =
        report.users().stream().map(CredentialReportRow::user).collect(Collectors.toSet());
    List<IamUser> missing =
        authorization.usersByName().stream().filter(u -> !reported.contains(u.name())).toList();
    List<CredentialReportRow> unknown =
        report.users().stream()
            .filter(row -> authorization.user(row.user()).isEmpty())
            .sorted(Comparator.comparing(CredentialReportRow::user))
            .toList();
    return new ReportCoverage(missing, unknown);
  }

  /** Whether the report and IAM name the same users. */
  public boolean complete() {
    return missingFromReport.isEmpty() && unknownToIam.isEmpty();
  }

  /** The names of the users the report lacks, for messages and logs. */
  public List<String> missingNames() {
    return missingFromReport.stream().map(IamUser::name).toList();
  }

  /** The names of the report's users IAM does not know. */
  public Set<String> unknownNames() {
    return unknownToIam.stream()
        .map(CredentialReportRow::user)
        .collect(Collectors.toUnmodifiableSet());
  }
}
