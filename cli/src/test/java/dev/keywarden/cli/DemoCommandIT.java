package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command: the Organization-wide pipeline end to end on the emulator, every time
 * it is run. Its wall time is printed, not asserted.
 */
class DemoCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static CliRun timed(String label, String... args) {
    long start = System.nanoTime();
    CliRun run = CliRun.of(args);
    System.out.printf(
        Locale.ROOT,
        "keywarden %s (%s): %.1f s wall time%n",
        String.join(" ", args),
        label,
        (System.nanoTime() - start) / 1e9);
    return run;
  }

  @Test
  void demo_whenRunTwiceInARow_runsTheWholePipelineBothTimes() throws Exception {
    Path firstOut = dir.resolve("first");
    Path secondOut = dir.resolve("second");

    CliRun first = timed("first run", "demo", "--format", "json", "--out", firstOut.toString());
    CliRun second = timed("second run", "demo", "--format", "json", "--out", secondOut.toString());

    JsonNode one = assertWholePipeline(first, firstOut);
    JsonNode two = assertWholePipeline(second, secondOut);
    assertThat(two.get("findings")).hasSameSizeAs(one.get("findings"));
    assertThat(deactivatedUsers(two)).isEqualTo(deactivatedUsers(one));
  }

  /** One run's JSON proves every stage of the pipeline; returns it. */
  private static JsonNode assertWholePipeline(CliRun run, Path out) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    JsonNode json = JSON.readTree(run.out());

    JsonNode accounts = json.get("organization").get("accounts");
    assertThat(accounts).hasSize(4);
    List<String> principals = new ArrayList<>();
    accounts.forEach(a -> principals.add(a.get("principal").asText()));
    assertThat(principals)
        .filteredOn(p -> p.matches("arn:aws:iam::\\d{12}:role/KeywardenAuditRole"))
        .hasSize(3);
    assertThat(json.get("awsCalls").get("Sts:AssumeRole").asLong())
        .as("members entered through their role")
        .isPositive();
    json.get("days")
        .forEach(
            day ->
                day.get("accounts")
                    .forEach(
                        a ->
                            assertThat(a.get("status").asText())
                                .as("day %s, account %s", day.get("day"), a.get("accountId"))
                                .isEqualTo("COMPLETED")));

    List<JsonNode> notices = new ArrayList<>();
    json.get("days").forEach(day -> day.get("notices").forEach(notices::add));
    assertThat(notices)
        .anySatisfy(
            n -> {
              assertThat(n.get("attributes").get("kind").asText()).isEqualTo("rotation-notice");
              assertThat(n.get("attributes").get("recipient").asText())
                  .isEqualTo("payments-team@example.com");
              assertThat(n.get("body").asText())
                  .contains("user svc-payments")
                  .contains("aws iam create-access-key");
            });
    assertThat(notices)
        .anySatisfy(
            n -> {
              assertThat(n.get("attributes").get("kind").asText()).isEqualTo("deactivation-notice");
              assertThat(n.get("body").asText()).contains("were not deleted");
            });
    assertThat(deactivatedUsers(json)).contains("svc-payments");

    Set<String> ids = new HashSet<>();
    json.get("findings").forEach(f -> ids.add(f.get("checkId").asText()));
    assertThat(ids)
        .contains(
            "key-rotation-due",
            "key-unused",
            "key-created-with-user",
            "multiple-active-keys",
            "console-without-mfa",
            "console-unused",
            "root-no-mfa",
            "password-policy-weak",
            "user-direct-policies",
            "user-full-admin",
            "human-long-term-key",
            "owner-missing",
            "tag-invalid");
    assertThat(json.get("exempted"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.get("principal").asText()).isEqualTo("dana-contractor"));

    assertThat(Path.of(json.get("report").get("index").asText()))
        .isEqualTo(out.resolve("index.html").toAbsolutePath());
    JsonNode report = JSON.readTree(Files.readString(out.resolve("report.json")));
    assertThat(report.get("isoWeek").asText()).isEqualTo(json.get("report").get("week").asText());
    assertThat(out.resolve("index.html")).isNotEmptyFile();
    return json;
  }

  private static List<String> deactivatedUsers(JsonNode json) {
    List<String> users = new ArrayList<>();
    json.get("days")
        .forEach(
            day ->
                day.get("accounts")
                    .forEach(
                        a ->
                            a.path("deactivated")
                                .forEach(k -> users.add(k.get("userName").asText()))));
    return users;
  }

  @Test
  void demo_whenTableIsAsked_tellsTheStoryAndPrintsWhereTheReportIs() {
    CliRun run = timed("table", "demo", "--out", dir.resolve("report").toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out())
        .contains("entered as arn:aws:iam::")
        .contains("svc-legacy-etl")
        .containsPattern("Day 21 \\(\\d{4}-\\d{2}-\\d{2}\\): 4/4 accounts audited")
        .contains("notice to payments-team@example.com")
        .contains("deactivated svc-payments's access_key_1")
        .contains(dir.resolve("report").resolve("index.html").toAbsolutePath().toString())
        .contains("keywarden audit --profile NAME")
        .doesNotContain("\u001b[");
  }

  @Test
  void demo_whenDaysIsOutOfRange_exitsTwo() {
    CliRun run = CliRun.of("demo", "--days", "7");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--days must be between 21 and 120, got 7");
  }
}
