package dev.keywarden.report;

import java.util.Objects;

/**
 * The weekly report's four renderings, ready to be written side by side.
 *
 * @param isoWeek the report's week
 * @param html {@code index.html}: the self-contained page
 * @param json {@code report.json}: the same content for machines
 * @param csv {@code findings.csv}: every open finding
 * @param digest the short e-mail text that points at the page
 */
public record ReportFiles(String isoWeek, String html, String json, String csv, String digest) {
  public static final String HTML = "index.html";
  public static final String JSON = "report.json";
  public static final String CSV = "findings.csv";

  public ReportFiles {
    Objects.requireNonNull(isoWeek, "isoWeek");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(digest, "digest");
  }

  /**
   * Builds the report from its input and renders every file; {@code location} is where the page
   * will be.
   */
  public static ReportFiles render(ReportInput input, String location) {
    WeeklyReport report = WeeklyReportBuilder.build(input);
    var exemptions = ExemptionsSection.inForce(input.exemptions(), input.generatedAt());
    return new ReportFiles(
        input.isoWeek(),
        ExemptionsSection.html(
            HtmlReport.render(report), exemptions, input.generatedAt(), input.accountNames()),
        ExemptionsSection.json(JsonReport.render(report), exemptions),
        CsvReport.render(input.openFindings(), input.accountNames(), input.owners()),
        ExemptionsSection.digest(DigestText.render(report, location), exemptions));
  }
}
