package dev.keywarden.cli;

import dev.keywarden.checks.AuditFindings;
import dev.keywarden.report.FindingsOutput;
import dev.keywarden.report.OcsfFindings;
import java.io.PrintWriter;

/** The shapes {@code --format} accepts. */
enum OutputFormat {
  table,
  json,
  csv,
  /** OCSF 1.5.0 Compliance Findings, one JSON object per finding. */
  ocsf;

  String render(AuditFindings result, boolean colour) {
    return render(result, colour, false);
  }

  /**
   * With {@code quiet}, the table loses its heading and summary; JSON, CSV and OCSF are the same.
   */
  String render(AuditFindings result, boolean colour, boolean quiet) {
    return switch (this) {
      case table -> FindingsOutput.table(result, colour, !quiet);
      case json -> FindingsOutput.json(result);
      case csv -> FindingsOutput.csv(result);
      case ocsf -> OcsfFindings.render(result);
    };
  }

  /** {@link #render(AuditFindings, boolean, boolean)}, written to {@code out} as it is made. */
  void render(AuditFindings result, boolean colour, boolean quiet, PrintWriter out) {
    switch (this) {
      case table -> FindingsOutput.table(result, colour, !quiet, out);
      case json -> FindingsOutput.json(result, out);
      case csv -> FindingsOutput.csv(result, out);
      case ocsf -> OcsfFindings.render(result, out);
    }
  }
}
