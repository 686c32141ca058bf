package dev.keywarden.inventory;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed IAM credential report: every IAM user's row and, when IAM included it, the root row.
 *
 * @param columns the known columns the report's header carried; checks needing others are skipped
 * @param users the IAM users' rows, in report order
 * @param root the {@code <root_account>} row, absent when the report has none
 */
public record CredentialReport(
    Set<ReportColumn> columns,
    List<CredentialReportRow> users,
    Optional<CredentialReportRow> root) {
  public CredentialReport {
    columns = columns.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(columns));
    users = List.copyOf(users);
    if (users.stream().anyMatch(CredentialReportRow::isRoot)) {
      throw new IllegalArgumentException("the root row belongs in root, not among users");
    }
  }

  /** Whether the report carried the column, so that a check relying on it can run. */
  public boolean has(ReportColumn column) {
    return columns.contains(column);
  }

  /** Whether the report carried all of the columns. */
  public boolean hasAll(Set<ReportColumn> needed) {
    return columns.containsAll(needed);
  }
}
