package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** setup, run, findings and reactivate from the command line, on the emulator. */
@WithEmulator
class RunCommandIT {
  @TempDir Path dir;

  private static void seed(AwsEndpoint endpoint) {
    try (AwsClientFactory clients = LocalEmulator.clients(endpoint)) {
      AccountSeeder seeder = AccountSeeder.using(clients.iam());
      seeder.createUser("carol", Map.of("owner", "carol@example.com"));
      seeder.addConsolePassword("carol", "Example-password-1!");
      seeder.addAccessKey("carol");
    }
  }

  @Test
  void setup_createsTheTableOnceAndSaysSoTheSecondTime(AwsEndpoint endpoint) {
    CliRun first = CliRun.of("setup", "--endpoint-url", endpoint.endpoint().toString());
    CliRun second = CliRun.of("setup", "--endpoint-url", endpoint.endpoint().toString());

    assertThat(first.exitCode()).as(first.err()).isEqualTo(Main.OK);
    assertThat(first.out()).contains("Created table keywarden-findings.");
    assertThat(second.out()).contains("Table keywarden-findings already exists; nothing to do.");
  }

  @Test
  void run_whenTheTableIsMissing_exitsThreeAndSaysHowToCreateIt(AwsEndpoint endpoint) {
    CliRun run = CliRun.of("run", "--endpoint-url", endpoint.endpoint().toString());

    assertThat(run.exitCode()).isEqualTo(Main.FAILED);
    assertThat(run.err())
        .contains(
            "the findings table keywarden-findings does not exist: create it with 'keywarden setup'");
  }

  @Test
  void run_thenFindings_recordsOnceAndListsWhatTheTableHolds(AwsEndpoint endpoint)
      throws Exception {
    seed(endpoint);
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url);

    CliRun first = CliRun.of("run", "--endpoint-url", url);
    CliRun second = CliRun.of("run", "--endpoint-url", url);
    CliRun listed =
        CliRun.of("findings", "--endpoint-url", url, "--status", "open", "--format", "json");

    assertThat(first.exitCode()).as(first.err()).isEqualTo(Main.OK);
    assertThat(first.out())
        .containsPattern("Run cli-\\S+: [1-9]\\d* new, 0 still open, 0 resolved")
        .contains("No notices: notices-topic-arn is not set.");
    assertThat(second.out()).containsPattern(": 0 new, [1-9]\\d* still open, 0 resolved");
    JsonNode json = new ObjectMapper().readTree(listed.out());
    assertThat(json.get("findings")).isNotEmpty();
    assertThat(json.get("findings").get(0).get("status").asText()).isEqualTo("OPEN");
    assertThat(json.toString()).contains("console-without-mfa").contains("\"principal\":\"carol\"");
  }

  @Test
  void run_whenFailOnHighAndAHighFindingExists_exitsOne(AwsEndpoint endpoint) {
    seed(endpoint);
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url);

    CliRun run = CliRun.of("run", "--endpoint-url", url, "--fail-on", "high");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.FINDINGS);
    assertThat(run.out()).contains("console-without-mfa");
  }

  @Test
  void run_whenQuiet_printsOnlyTheRunsSummary(AwsEndpoint endpoint) {
    seed(endpoint);
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url, "--quiet");

    CliRun run = CliRun.of("run", "--endpoint-url", url, "--quiet");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out().lines())
        .singleElement()
        .asString()
        .matches("Run cli-\\S+: [1-9]\\d* new, 0 still open, .*");
  }

  @Test
  void setup_whenQuiet_printsNothing(AwsEndpoint endpoint) {
    CliRun run = CliRun.of("setup", "--endpoint-url", endpoint.endpoint().toString(), "--quiet");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void reactivate_whenKeywardenNeverDeactivatedTheKey_refusesWithExitTwo(AwsEndpoint endpoint) {
    seed(endpoint);
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url);

    CliRun run =
        CliRun.of(
            "reactivate",
            "--endpoint-url",
            url,
            "--account",
            "123456789012",
            "--user",
            "carol",
            "--key",
            "AKIAIOSFODNN7EXAMPLE",
            "--reason",
            "testing");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("not deactivated by Keywarden");
  }

  @Test
  void reactivate_whenAccountIsNotTheCredentials_refuses(AwsEndpoint endpoint) {
    CliRun run =
        CliRun.of(
            "reactivate",
            "--endpoint-url",
            endpoint.endpoint().toString(),
            "--account",
            "999999999999",
            "--user",
            "carol",
            "--key",
            "AKIAIOSFODNN7EXAMPLE",
            "--reason",
            "testing");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("is not the account of these credentials (123456789012)");
  }

  @Test
  void run_whenConfigSaysEnforceWithABadTopic_failsBeforeAnyCall(AwsEndpoint endpoint)
      throws Exception {
    Path config = dir.resolve("keywarden.properties");
    Files.writeString(config, "mode = enforce\nnotices-topic-arn = keywarden-notices\n");

    CliRun run =
        CliRun.of(
            "run", "--endpoint-url", endpoint.endpoint().toString(), "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("line 2: notices-topic-arn must be an SNS topic ARN");
  }
}
