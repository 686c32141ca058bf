package dev.keywarden.cli;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.report.FindingsOutput;

/** The shapes {@code --format} accepts. */
enum OutputFormat {
  table,
  json,
  csv;

  String render(AuditResult result, boolean colour) {
    return switch (this) {
      case table -> FindingsOutput.table(result, colour);
      case json -> FindingsOutput.json(result);
      case csv -> FindingsOutput.csv(result);
    };
  }
}
