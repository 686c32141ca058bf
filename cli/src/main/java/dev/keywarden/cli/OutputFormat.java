package dev.keywarden.cli;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.report.FindingsOutput;
import dev.keywarden.report.OcsfFindings;

/** The shapes {@code --format} accepts. */
enum OutputFormat {
  table,
  json,
  csv,
  /** OCSF 1.5.0 Compliance Findings, one JSON object per finding. */
  ocsf;

  String render(AuditResult result, boolean colour) {
    return render(result, colour, false);
  }

  /**
   * With {@code quiet}, the table loses its heading and summary; JSON, CSV and OCSF are the same.
   */
  String render(AuditResult result, boolean colour, boolean quiet) {
    return switch (this) {
      case table -> FindingsOutput.table(result, colour, !quiet);
      case json -> FindingsOutput.json(result);
      case csv -> FindingsOutput.csv(result);
      case ocsf -> OcsfFindings.render(result);
    };
  }
}
