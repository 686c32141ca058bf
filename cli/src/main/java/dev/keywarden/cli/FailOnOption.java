package dev.keywarden.cli;

import dev.keywarden.InvalidInputException;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --fail-on SEVERITY}: lets a pipeline stop on findings that matter to it, while by default
 * a command that did its job exits 0 whatever it found.
 */
final class FailOnOption {
  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      converter = SeverityConverter.class,
      description =
          "Exit 1 when a finding is at or above SEVERITY: critical, high, medium, low or info"
              + " (default: never fail on findings). Exempted findings do not count.")
  Severity failOn;

  /** {@link Main#FINDINGS} when a finding reaches the threshold, else {@link Main#OK}. */
  int exitCode(Iterable<Finding> findings) {
    if (failOn == null) {
      return Main.OK;
    }
    for (Finding f : findings) {
      if (f.severity().atLeast(failOn)) {
        return Main.FINDINGS;
      }
    }
    return Main.OK;
  }

  /** Any case; a wrong value is a usage error that names the accepted ones. */
  static final class SeverityConverter implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      try {
        return Severity.parse(value, "--fail-on");
      } catch (InvalidInputException e) {
        throw new TypeConversionException(e.getMessage().replaceFirst("^--fail-on: ", ""));
      }
    }
  }
}
