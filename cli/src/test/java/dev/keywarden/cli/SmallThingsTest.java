package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user trips over at the command line: checked before any work, accepted as the help says.
 */
class SmallThingsTest {
  private static final String SAMPLE =
      Path.of("..", "shared", "src", "test", "resources", "credential-reports", "sample.csv")
          .toString();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"JSON", "Json", "json"})
  void audit_whenFormatInAnyCase_isAcceptedLikeFailOn(String format) {
    CliRun run =
        CliRun.of(
            "audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24", "--format", format);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out()).startsWith("{");
  }

  @Test
  void report_whenOutIsAnExistingFile_refusesBeforeAnyWork() throws Exception {
    Path file = Files.writeString(dir.resolve("report.html"), "mine");

    CliRun run =
        CliRun.of("report", "--endpoint-url", "http://127.0.0.1:9", "--out", file.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err())
        .isEqualTo(
            "keywarden: --out "
                + file
                + " is an existing file, not a folder; name a folder (it is"
                + " created when missing) or remove the file\n");
    assertThat(Files.readString(file)).isEqualTo("mine");
  }

  @Test
  void demo_whenOutIsUnderAFile_refusesBeforeStartingTheEmulator() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "mine");

    CliRun run = CliRun.of("demo", "--out", file.resolve("week").toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err())
        .startsWith(
            "keywarden: --out "
                + file.resolve("week")
                + " is under "
                + file.toAbsolutePath()
                + ", which is a file, not a folder");
    assertThat(run.out()).doesNotContain("Starting the local AWS emulator");
  }

  @Test
  void reportWeek_whenADate_isTheWeekHoldingIt() {
    assertThat(ReportCommand.week("2026-08-01")).isEqualTo("2026-W31");
    assertThat(ReportCommand.week("2026-W31")).isEqualTo("2026-W31");
    assertThat(ReportCommand.week("2026-12-31")).isEqualTo("2026-W53");
  }

  @Test
  void reportWeek_whenNeither_namesBoth() {
    CliRun run =
        CliRun.of("report", "--endpoint-url", "http://127.0.0.1:9", "--week", "2026-02-30");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err())
        .contains(
            "'2026-02-30' is not a date; write a week like 2026-W48 or a date like 2026-11-24");
  }
}
