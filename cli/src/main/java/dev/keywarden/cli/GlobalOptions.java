package dev.keywarden.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * {@code --quiet} and {@code --verbose}, accepted by every subcommand (before or after its name),
 * so that a script and a person debugging a failure ask for the same thing the same way everywhere.
 */
final class GlobalOptions {
  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "Print only the essential output and errors: no progress, hints or warnings.")
  boolean quiet;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description =
          "Log debug messages on stderr, and print the stack trace of an unexpected error.")
  boolean verbose;

  /** The options given to this run, wherever on the command line they were. */
  static GlobalOptions of(CommandSpec spec) {
    return ((KeywardenCommand) spec.root().userObject()).global;
  }

  /**
   * Sets Log4j's root level for this run: debug with {@code --verbose}, errors only with {@code
   * --quiet}; returns the level to restore afterwards.
   *
   * @throws ParameterException when both are given
   */
  Level applyLogging(CommandSpec spec) {
    if (quiet && verbose) {
      throw new ParameterException(
          spec.commandLine(), "--quiet and --verbose cannot be used together");
    }
    Level before = LogManager.getRootLogger().getLevel();
    if (verbose) {
      Configurator.setRootLevel(Level.DEBUG);
    } else if (quiet) {
      Configurator.setRootLevel(Level.ERROR);
    }
    return before;
  }
}
