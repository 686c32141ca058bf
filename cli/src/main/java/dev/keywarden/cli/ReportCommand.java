package dev.keywarden.cli;

import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.aws.WeeklyReports;
import dev.keywarden.config.Settings;
import dev.keywarden.findings.IsoWeek;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keywarden report}: the weekly org-wide report, built locally from the findings table. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    header = "Write the weekly report into a folder.",
    description = {
      "Builds the weekly report (index.html, report.json, findings.csv, digest.txt) from the findings "
          + "table into a folder, the same report the report-aggregator function writes to S3.",
    },
    footer = {
      "",
      "Examples:",
      "  keywarden report",
      "  keywarden report --week 2026-W47 --out reports/2026-W47",
      "  xdg-open \"$(keywarden report --quiet)\"   (--quiet prints only the path)"
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin ConfigOption config;

  @Option(
      names = "--week",
      paramLabel = "YYYY-Www",
      description =
          "ISO week to report, such as 2026-W47, or any date in it, such as 2026-11-19 (default: the current week).")
  String week;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Folder to write into (default: keywarden-report-<week>).")
  Path out;

  private Path dir(String isoWeek) {
    return out != null ? out : Path.of("keywarden-report-" + isoWeek);
  }

  /** The ISO week a {@code --week} value names: a week such as 2026-W47, or a date in it. */
  static String week(String value) {
    String text = value.strip();
    return text.matches("\\d{4}-\\d{2}-\\d{2}")
        ? IsoWeek.of(day(text))
        : IsoWeek.of(IsoWeek.start(text));
  }

  private static java.time.Instant day(String text) {
    try {
      return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new dev.keywarden.InvalidInputException(
          "--week: '"
              + text
              + "' is not a date; write a week like 2026-W48 or a"
              + " date like 2026-11-24");
    }
  }

  @Override
  public Integer call() {
    Clock clock = Clock.systemUTC();
    String isoWeek = week == null ? IsoWeek.of(clock.instant()) : week(week);
    OutputPaths.requireFolder("--out", dir(isoWeek));
    Path dir = dir(isoWeek);
    Settings settings = config.settings();
    Path page;
    try (AwsClientFactory clients = AwsClientFactory.create(aws.settings())) {
      if (!DynamoAccountStateStore.tableExists(
          clients.dynamoDb(), settings.run().findingsTable())) {
        throw new dev.keywarden.KeywardenException(
            "the findings table "
                + settings.run().findingsTable()
                + " does not exist: create it with 'keywarden setup' (or deploy template.yaml), then run audits");
      }
      page = WeeklyReports.create(clients, settings, clock).writeTo(isoWeek, dir);
    }
    spec.commandLine()
        .getOut()
        .println(
            GlobalOptions.of(spec).quiet
                ? page.toAbsolutePath().toString()
                : "Weekly report " + isoWeek + " written to " + page.toAbsolutePath());
    spec.commandLine().getOut().flush();
    return Main.OK;
  }
}
