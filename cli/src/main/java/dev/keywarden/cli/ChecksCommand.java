package dev.keywarden.cli;

import dev.keywarden.checks.Check;
import dev.keywarden.checks.CheckCatalog;
import dev.keywarden.checks.CheckMetadata;
import dev.keywarden.report.CatalogDocs;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keywarden checks}: the catalogue, so ids for exemptions and {@code --fail-on} are at hand.
 */
@Command(
    name = "checks",
    mixinStandardHelpOptions = true,
    header = "The check catalogue.",
    description = "Lists every check with its severity and CIS / Security Hub mapping.",
    footer = {
      "",
      "Examples:",
      "  keywarden checks",
      "  keywarden checks --framework cis-v5",
      "  keywarden checks --format markdown > docs/checks.md"
    })
final class ChecksCommand implements Callable<Integer> {
  enum Format {
    table,
    markdown
  }

  /** A compliance framework the catalogue maps, and how a check's controls in it are read. */
  enum Framework {
    CIS_V5("cis-v5", "CIS AWS Foundations v5.0.0", CheckMetadata::cisV5),
    CIS_V3("cis-v3", "CIS AWS Foundations v3.0.0", CheckMetadata::cis),
    SECURITY_HUB("security-hub", "AWS Security Hub", CheckMetadata::securityHub);

    final String flag;
    final String label;
    final Function<CheckMetadata, List<String>> controls;

    Framework(String flag, String label, Function<CheckMetadata, List<String>> controls) {
      this.flag = flag;
      this.label = label;
      this.controls = controls;
    }

    @Override
    public String toString() {
      return flag;
    }

    static Framework parse(String value) {
      for (Framework f : values()) {
        if (f.flag.equals(value)) {
          return f;
        }
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a framework; use cis-v5, cis-v3 or security-hub");
    }
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table or markdown (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--framework",
      paramLabel = "FRAMEWORK",
      converter = FrameworkConverter.class,
      description = "Only the checks mapped to cis-v5, cis-v3 or security-hub, by control.")
  Framework framework;

  static final class FrameworkConverter implements CommandLine.ITypeConverter<Framework> {
    @Override
    public Framework convert(String value) {
      return Framework.parse(value);
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.markdown && framework != null) {
      throw new dev.keywarden.InvalidInputException(
          "--framework lists controls as a table; leave it out with --format markdown");
    }
    if (format == Format.markdown) {
      out.print(CatalogDocs.markdown(CheckCatalog.all()));
    } else if (framework != null) {
      byControl(out, framework);
    } else {
      out.printf(
          Locale.ROOT,
          "%-26s %-9s %-10s %-10s %-22s %s%n",
          "ID",
          "SEVERITY",
          "CIS V5",
          "CIS V3",
          "SECURITY HUB",
          "TITLE");
      for (Check check : CheckCatalog.all()) {
        CheckMetadata m = check.metadata();
        out.printf(
            Locale.ROOT,
            "%-26s %-9s %-10s %-10s %-22s %s%n",
            m.id(),
            m.severity().label(),
            String.join(",", m.cisV5()),
            String.join(",", m.cis()),
            String.join(",", m.securityHub()),
            m.title());
      }
    }
    out.flush();
    return Main.OK;
  }

  /** Each control of the framework, in control order, with the checks that judge it. */
  private static void byControl(PrintWriter out, Framework framework) {
    Map<String, List<String>> checks = new TreeMap<>(ChecksCommand::compareControls);
    for (Check check : CheckCatalog.all()) {
      for (String control : framework.controls.apply(check.metadata())) {
        checks.computeIfAbsent(control, k -> new ArrayList<>()).add(check.metadata().id());
      }
    }
    out.printf(
        Locale.ROOT, "%s: %d controls judged by the catalogue%n", framework.label, checks.size());
    out.printf(Locale.ROOT, "%-10s %s%n", "CONTROL", "CHECKS");
    checks.forEach(
        (control, ids) -> out.printf(Locale.ROOT, "%-10s %s%n", control, String.join(", ", ids)));
  }

  /** 1.9 before 1.10, IAM.2 before IAM.10. */
  static int compareControls(String a, String b) {
    String prefixA = a.replaceAll("[0-9.]+$", "");
    String prefixB = b.replaceAll("[0-9.]+$", "");
    if (!prefixA.equals(prefixB)) {
      return prefixA.compareTo(prefixB);
    }
    String[] x = a.substring(prefixA.length()).replaceFirst("^\\.", "").split("\\.");
    String[] y = b.substring(prefixB.length()).replaceFirst("^\\.", "").split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
