package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's main command works, shows most of the catalogue, and can be run twice in a row. */
class DemoCommandIT {
  @Test
  void demo_whenRunTwice_succeedsBothTimesWithTheSameFindings() throws Exception {
    CliRun first = CliRun.of("demo", "--format", "json");
    CliRun second = CliRun.of("demo", "--format", "json");

    assertThat(first.exitCode()).as(first.err()).isEqualTo(Main.OK);
    assertThat(second.exitCode()).as(second.err()).isEqualTo(Main.OK);
    JsonNode json = new ObjectMapper().readTree(first.out());
    Set<String> ids = new HashSet<>();
    json.get("findings").forEach(f -> ids.add(f.get("checkId").asText()));
    assertThat(ids).contains(
        "key-rotation-due", "key-expired", "key-unused", "key-created-with-user", "multiple-active-keys",
        "console-without-mfa", "console-unused", "root-no-mfa", "password-policy-weak", "user-direct-policies",
        "user-full-admin", "human-long-term-key", "owner-missing", "tag-invalid");
    assertThat(json.get("exempted")).isNotEmpty();
    assertThat(json.get("exempted").get(0).get("principal").asText()).isEqualTo("dana-contractor");
    assertThat(new ObjectMapper().readTree(second.out()).get("findings")).hasSameSizeAs(json.get("findings"));
  }

  @Test
  void demo_whenTableIsAsked_tellsTheStoryAndHowToGoOn() {
    CliRun run = CliRun.of("demo", "--days", "100");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out())
        .contains("Seeded an account")
        .contains("svc-legacy-etl")
        .contains("CRITICAL (")
        .contains("keywarden audit --profile NAME")
        .doesNotContain("\u001b[");
  }

  @Test
  void demo_whenDaysIsOutOfRange_exitsTwo() {
    CliRun run = CliRun.of("demo", "--days", "-1");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--days must be between 0 and 3650, got -1");
  }
}
