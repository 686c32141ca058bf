package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * What every subcommand shares: help with examples, the global options, and usage errors as exit 2.
 */
class CommandLineHabitsTest {
  static List<String> subcommands() {
    CommandLine cli =
        Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    return cli.getSubcommands().values().stream()
        .filter(c -> !c.getCommandSpec().usageMessage().hidden())
        .map(CommandLine::getCommandName)
        .toList();
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void help_onEverySubcommand_exitsZeroWithExamplesAndTheGlobalOptions(String command) {
    CliRun run = CliRun.of(command, "--help");

    assertThat(run.exitCode()).isEqualTo(Main.OK);
    assertThat(run.out()).contains("Example").contains("--quiet").contains("--verbose");
  }

  @ParameterizedTest
  @MethodSource("subcommands")
  void help_onEverySubcommand_fitsAnEightyColumnTerminal(String command) {
    CliRun run = CliRun.of(command, "--help");

    assertThat(run.out().lines())
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
  }

  @Test
  void help_atTheTop_documentsEveryExitCode() {
    CliRun run = CliRun.of("--help");

    assertThat(run.out())
        .contains("0  done")
        .contains("1  findings at or above --fail-on")
        .contains("2  a bad flag")
        .contains("3  AWS or the emulator could not be used");
  }

  @Test
  void version_printsTheCommandsName() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isEqualTo(Main.OK);
    assertThat(run.out()).startsWith("keywarden ");
  }

  @Test
  void quiet_whenGivenBeforeTheSubcommand_isAcceptedLikeAfterIt() {
    CliRun before = CliRun.of("--quiet", "checks");
    CliRun after = CliRun.of("checks", "--quiet");

    assertThat(before.exitCode()).as(before.err()).isEqualTo(Main.OK);
    assertThat(before.out()).isEqualTo(after.out()).contains("key-expired");
  }

  @Test
  void quiet_withVerbose_exitsTwoSayingTheyConflict() {
    CliRun run = CliRun.of("checks", "--quiet", "--verbose");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--quiet and --verbose cannot be used together");
  }

  @Test
  void verbose_afterTheRun_leavesTheLoggingLevelAsItWas() {
    Level before = LogManager.getRootLogger().getLevel();

    CliRun run = CliRun.of("checks", "--verbose");

    assertThat(run.exitCode()).isEqualTo(Main.OK);
    assertThat(LogManager.getRootLogger().getLevel()).isEqualTo(before);
  }

  @Test
  void failOn_whenNotASeverity_exitsTwoNamingTheAcceptedValues() {
    CliRun run = CliRun.of("audit", "--fail-on", "severe", "--credential-report", "unused.csv");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err())
        .contains("--fail-on")
        .contains("'severe'")
        .contains("critical, high, medium, low, info");
    assertThat(run.out()).isEmpty();
  }
}
