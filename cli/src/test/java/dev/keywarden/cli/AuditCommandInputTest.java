package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never prints findings or a stack trace: one line naming what was wrong, and exit code
 * 2.
 */
class AuditCommandInputTest {
  @TempDir Path dir;

  private static void assertRejected(CliRun run, String expected) {
    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void audit_whenFlagIsUnknown_exitsTwoAndPointsAtHelp() {
    CliRun run = CliRun.of("audit", "--frmat", "json");

    assertRejected(run, "Unknown options: '--frmat'");
    assertThat(run.err()).contains("Try 'keywarden audit --help'.");
  }

  @Test
  void audit_whenFormatIsUnknown_namesTheAcceptedValues() {
    CliRun run = CliRun.of("audit", "--format", "xml", "--credential-report", "x.csv");

    assertRejected(run, "--format");
    assertThat(run.err()).contains("table, json, csv");
  }

  @Test
  void audit_whenAsOfIsNotATime_saysWhatItAccepts() {
    CliRun run = CliRun.of("audit", "--as-of", "yesterday", "--credential-report", "x.csv");

    assertRejected(run, "'yesterday' is not a point in time");
  }

  @Test
  void audit_whenReportFileIsMissing_namesIt() {
    Path missing = dir.resolve("missing.csv");

    assertRejected(
        CliRun.of("audit", "--credential-report", missing.toString()), missing + " does not exist");
  }

  @Test
  void audit_whenReportPathIsADirectory_saysSo() {
    assertRejected(CliRun.of("audit", "--credential-report", dir.toString()), "is a directory");
  }

  @Test
  void audit_whenReportIsNotUtf8_saysSo() throws IOException {
    Path binary = dir.resolve("report.csv");
    Files.write(binary, new byte[] {(byte) 0xc3, (byte) 0x28, 0x0a});

    assertRejected(
        CliRun.of("audit", "--credential-report", binary.toString()), "is not UTF-8 text");
  }

  @Test
  void audit_whenReportIsSomeOtherCsv_saysItIsNotACredentialReport() throws IOException {
    Path other = dir.resolve("people.csv");
    Files.writeString(other, "name,email\nalice,alice@example.com\n");

    assertRejected(
        CliRun.of("audit", "--credential-report", other.toString()),
        "is not an IAM credential report");
  }

  @Test
  void audit_whenConfigHasABadValue_namesTheSettingAndLine() throws IOException {
    Path config = dir.resolve("keywarden.properties");
    Files.writeString(config, "max-key-age-days = 0\n");
    Path report = dir.resolve("report.csv");
    Files.writeString(report, "user,arn\n");

    assertRejected(
        CliRun.of("audit", "--config", config.toString(), "--credential-report", report.toString()),
        "line 1: max-key-age-days must be between 1 and 3650, got 0");
  }
}
