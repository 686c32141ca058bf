package dev.keywarden.report;

import dev.keywarden.findings.StoredFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Lists every open finding as CSV beside the weekly report, for the teams that sort and filter in a
 * spreadsheet; cells go through {@link Csv#row}, which defuses formulas.
 */
public final class CsvReport {
  /** The header line's columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "accountId",
          "accountName",
          "severity",
          "checkId",
          "principal",
          "owner",
          "resourceId",
          "title",
          "message",
          "firstSeen",
          "deadline");

  private CsvReport() {}

  /**
   * One row per finding, by account id, severity (most urgent first), check, principal and
   * resource; the account name column and the owner column (from {@code owners} under {@code
   * accountId/principal}) are empty when unknown.
   */
  public static String render(
      List<StoredFinding> open, Map<String, String> accountNames, Map<String, String> owners) {
    List<StoredFinding> sorted = new ArrayList<>(open);
    sorted.sort(
        Comparator.comparing(StoredFinding::accountId)
            .thenComparing(StoredFinding::severity)
            .thenComparing(StoredFinding::checkId)
            .thenComparing(StoredFinding::principal)
            .thenComparing(StoredFinding::resourceId));
    StringBuilder out = new StringBuilder(128 + sorted.size() * 256);
    out.append(String.join(",", COLUMNS)).append("\r\n");
    for (StoredFinding f : sorted) {
      out.append(
          Csv.row(
              List.of(
                  f.accountId(),
                  accountNames.getOrDefault(f.accountId(), ""),
                  f.severity().name(),
                  f.checkId(),
                  f.principal(),
                  owners.getOrDefault(ReportInput.ownerKey(f.accountId(), f.principal()), ""),
                  f.resourceId(),
                  f.title(),
                  f.message(),
                  f.firstSeen().toString(),
                  f.deadline().map(Object::toString).orElse(""))));
    }
    return out.toString();
  }
}
