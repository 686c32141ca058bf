package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline audit of a real-format report: no AWS call, every check the report supports. */
class AuditCommandOfflineTest {
  private static final String SAMPLE = Path.of("..", "shared", "src", "test", "resources", "credential-reports", "sample.csv").toString();

  private static List<String> findings(JsonNode json) {
    List<String> out = new ArrayList<>();
    json.get("findings").forEach(f -> out.add(f.get("principal").asText() + " " + f.get("checkId").asText()));
    return out;
  }

  @Test
  void audit_whenGivenTheSampleReport_printsItsFindingsAsJson() throws Exception {
    CliRun run = CliRun.of("audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24T00:00:00Z", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("accountId").asText()).isEqualTo("123456789012");
    assertThat(findings(json)).containsExactlyInAnyOrder(
        "<root_account> root-access-key", "<root_account> root-no-mfa", "<root_account> root-recently-used",
        "alice key-expired", "bob key-rotation-due", "carol key-created-with-user", "carol human-long-term-key",
        "dave console-without-mfa", "erin console-unused", "frank multiple-active-keys", "grace key-unused",
        "kevin console-unused", "leo key-unused", "leo key-rotation-due");
    assertThat(json.get("skipped").toString()).contains("password-policy-weak", "user-full-admin", "owner-missing");
  }

  @Test
  void audit_whenAsOfIsADate_readsItAsTheStartOfThatDayUtc() throws Exception {
    CliRun byDate = CliRun.of("audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24", "--format", "json");
    CliRun byInstant = CliRun.of("audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24T00:00:00Z", "--format", "json");

    assertThat(byDate.out()).isEqualTo(byInstant.out());
  }

  @Test
  void audit_whenTableIsPrintedToAPipe_hasNoColourAndGroupsBySeverity() {
    CliRun run = CliRun.of("audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24");

    assertThat(run.exitCode()).isEqualTo(Main.OK);
    assertThat(run.out()).doesNotContain("\u001b[").contains("CRITICAL (2)").contains("Skipped checks:");
    assertThat(run.out().indexOf("CRITICAL")).isLessThan(run.out().indexOf("HIGH"));
  }

  @Test
  void audit_whenCsvIsAsked_quotesTheUserNameWithAComma() {
    CliRun run = CliRun.of("audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24", "--format", "csv");

    assertThat(run.out()).startsWith("severity,checkId,accountId,principal,resourceId,title,message,deadline\r\n");
  }
}
