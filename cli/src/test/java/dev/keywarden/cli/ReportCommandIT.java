package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.findings.IsoWeek;
import dev.keywarden.testsupport.WithEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run, then report: the weekly report built from what the run recorded. */
@WithEmulator
class ReportCommandIT {
  @TempDir Path dir;

  @Test
  void report_afterARun_writesTheFourFilesWithTheRunsNumbers(AwsEndpoint endpoint)
      throws Exception {
    try (AwsClientFactory clients = LocalEmulator.clients(endpoint)) {
      AccountSeeder seeder = AccountSeeder.using(clients.iam());
      seeder.createUser("dave", Map.of("owner", "dave@example.com"));
      seeder.addConsolePassword("dave", "Example-password-1!");
    }
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url);
    assertThat(CliRun.of("run", "--endpoint-url", url).exitCode()).isEqualTo(Main.OK);
    String week = IsoWeek.of(Instant.now());

    CliRun report =
        CliRun.of("report", "--endpoint-url", url, "--week", week, "--out", dir.toString());

    assertThat(report.exitCode()).as(report.err()).isEqualTo(Main.OK);
    assertThat(report.out())
        .contains("Weekly report " + week + " written to ")
        .contains("index.html");
    JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("report.json")));
    assertThat(json.toString()).contains("accounts-audited");
    assertThat(Files.readString(dir.resolve("index.html")))
        .contains("data-metric=\"accounts-audited\"")
        .contains(week);
    assertThat(Files.readString(dir.resolve("findings.csv")))
        .contains("console-without-mfa")
        .contains("dave");
    assertThat(Files.readString(dir.resolve("digest.txt")).lines().count()).isLessThanOrEqualTo(15);
  }

  @Test
  void report_whenTheWeekIsMalformed_exitsTwo(AwsEndpoint endpoint) {
    CliRun report =
        CliRun.of("report", "--endpoint-url", endpoint.endpoint().toString(), "--week", "2026-48");

    assertThat(report.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(report.err()).contains("'2026-48' is not an ISO week");
  }
}
