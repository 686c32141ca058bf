package dev.keywarden.cli;

import dev.keywarden.checks.Check;
import dev.keywarden.checks.CheckCatalog;
import dev.keywarden.checks.CheckMetadata;
import dev.keywarden.report.CatalogDocs;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keywarden checks}: the catalogue, so ids for exemptions and {@code --fail-on} are at hand. */
@Command(
    name = "checks",
    mixinStandardHelpOptions = true,
    header = "The check catalogue.",
    description = "Lists every check with its severity and CIS / Security Hub mapping.",
    footer = {"", "Examples:", "  keywarden checks", "  keywarden checks --format markdown > docs/checks.md"})
final class ChecksCommand implements Callable<Integer> {
  enum Format { table, markdown }

  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table or markdown (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.markdown) {
      out.print(CatalogDocs.markdown(CheckCatalog.all()));
    } else {
      out.printf(Locale.ROOT, "%-22s %-9s %-9s %-20s %s%n", "ID", "SEVERITY", "CIS", "SECURITY HUB", "TITLE");
      for (Check check : CheckCatalog.all()) {
        CheckMetadata m = check.metadata();
        out.printf(Locale.ROOT, "%-22s %-9s %-9s %-20s %s%n", m.id(), m.severity().label(), String.join(",", m.cis()),
            String.join(",", m.securityHub()), m.title());
      }
    }
    out.flush();
    return Main.OK;
  }
}
