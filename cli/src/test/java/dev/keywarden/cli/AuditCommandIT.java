package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command audits a live account on the emulator, end to end. */
@WithEmulator
class AuditCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> ids(JsonNode findings, String principal) {
    List<String> ids = new ArrayList<>();
    findings.forEach(
        f -> {
          if (f.get("principal").asText().equals(principal)) {
            ids.add(f.get("checkId").asText());
          }
        });
    return ids;
  }

  @Test
  void audit_whenPointedAtTheEmulator_reportsTheAccountsFindingsAsJson(AwsEndpoint endpoint)
      throws Exception {
    try (AwsClientFactory clients = LocalEmulator.clients(endpoint)) {
      AccountSeeder seeder = AccountSeeder.using(clients.iam());
      seeder.createUser(
          "svc-expired", Map.of("owner", "ops@example.com", AuditPolicy.MAX_KEY_AGE_TAG, "30"));
      seeder.addAccessKey("svc-expired");
      seeder.createUser("carol", Map.of("owner", "carol@example.com"));
      seeder.addConsolePassword("carol", "Example-password-1!");
    }
    String asOf = Instant.now().plus(31, ChronoUnit.DAYS).toString();

    CliRun run =
        CliRun.of(
            "audit",
            "--endpoint-url",
            endpoint.endpoint().toString(),
            "--format",
            "json",
            "--as-of",
            asOf);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("accountId").asText()).matches("\\d{12}");
    assertThat(ids(json.get("findings"), "svc-expired")).contains("key-expired");
    assertThat(ids(json.get("findings"), "carol"))
        .contains("console-without-mfa")
        .doesNotContain("key-expired");
    assertThat(ids(json.get("findings"), "<account>")).contains("password-policy-weak");
  }

  @Test
  void audit_whenEndpointDoesNotAnswer_exitsThreeWithoutFindings() {
    CliRun run = CliRun.of("audit", "--endpoint-url", "http://127.0.0.1:9", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(Main.FAILED);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("keywarden: ");
  }

  @Test
  void audit_whenEndpointIsNotAUrl_exitsTwo() {
    CliRun run = CliRun.of("audit", "--endpoint-url", "localhost:5000");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--endpoint-url: 'localhost:5000' is not an http(s) URL");
  }
}
