package dev.keywarden.cli;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.report.FindingsOutput;

/** The shapes {@code --format} accepts. */
enum OutputFormat {
  table,
  json,
  csv;

  String render(AuditResult result, boolean colour) {
    return render(result, colour, false);
  }

  /** With {@code quiet}, the table loses its heading and summary; JSON and CSV are the same. */
  String render(AuditResult result, boolean colour, boolean quiet) {
    return switch (this) {
      case table -> FindingsOutput.table(result, colour, !quiet);
      case json -> FindingsOutput.json(result);
      case csv -> FindingsOutput.csv(result);
    };
  }
}
