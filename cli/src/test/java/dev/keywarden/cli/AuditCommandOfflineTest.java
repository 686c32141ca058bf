package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline audit of a real-format report: no AWS call, every check the report supports. */
class AuditCommandOfflineTest {
  private static final String SAMPLE =
      Path.of("..", "shared", "src", "test", "resources", "credential-reports", "sample.csv")
          .toString();

  /**
   * Root with MFA and no key, and one service key four days from its deadline: a single low
   * finding.
   */
  private static final String ONLY_LOW =
      String.join(
          "\n",
          "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,"
              + "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
              + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
              + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
              + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated",
          "<root_account>,arn:aws:iam::123456789012:root,2019-03-04T09:15:00+00:00,not_supported,2025-01-01T00:00:00+00:00,"
              + "not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
          "svc-low,arn:aws:iam::123456789012:user/svc-low,2025-02-10T09:00:00+00:00,false,N/A,N/A,N/A,false,true,"
              + "2026-08-30T00:00:00+00:00,2026-11-23T06:12:00+00:00,eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
          "");

  @TempDir Path dir;

  private static List<String> findings(JsonNode json) {
    List<String> out = new ArrayList<>();
    json.get("findings")
        .forEach(f -> out.add(f.get("principal").asText() + " " + f.get("checkId").asText()));
    return out;
  }

  @Test
  void audit_whenGivenTheSampleReport_printsItsFindingsAsJson() throws Exception {
    CliRun run =
        CliRun.of(
            "audit",
            "--credential-report",
            SAMPLE,
            "--as-of",
            "2026-11-24T00:00:00Z",
            "--format",
            "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("accountId").asText()).isEqualTo("123456789012");
    assertThat(findings(json))
        .containsExactlyInAnyOrder(
            "<root_account> root-access-key",
            "<root_account> root-no-mfa",
            "<root_account> root-recently-used",
            "alice key-expired",
            "bob key-rotation-due",
            "carol key-created-with-user",
            "carol human-long-term-key",
            "dave console-without-mfa",
            "erin console-unused",
            "frank multiple-active-keys",
            "grace key-unused",
            "kevin console-unused",
            "leo key-unused",
            "leo key-rotation-due");
    assertThat(json.get("skipped").toString())
        .contains("password-policy-weak", "user-full-admin", "owner-missing");
  }

  @Test
  void audit_whenAsOfIsADate_readsItAsTheStartOfThatDayUtc() throws Exception {
    CliRun byDate =
        CliRun.of(
            "audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24", "--format", "json");
    CliRun byInstant =
        CliRun.of(
            "audit",
            "--credential-report",
            SAMPLE,
            "--as-of",
            "2026-11-24T00:00:00Z",
            "--format",
            "json");

    assertThat(byDate.out()).isEqualTo(byInstant.out());
  }

  @Test
  void audit_whenTableIsPrintedToAPipe_hasNoColourAndGroupsBySeverity() {
    CliRun run = CliRun.of("audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24");

    assertThat(run.exitCode()).isEqualTo(Main.OK);
    assertThat(run.out())
        .doesNotContain("\u001b[")
        .contains("CRITICAL (2)")
        .contains("Skipped checks:");
    assertThat(run.out().indexOf("CRITICAL")).isLessThan(run.out().indexOf("HIGH"));
  }

  @Test
  void audit_whenCsvIsAsked_quotesTheUserNameWithAComma() {
    CliRun run =
        CliRun.of(
            "audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24", "--format", "csv");

    assertThat(run.out())
        .startsWith("severity,checkId,accountId,principal,resourceId,title,message,deadline\r\n");
  }

  @Test
  void audit_whenFailOnHighAndAHighFindingExists_exitsOne() {
    CliRun run =
        CliRun.of(
            "audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24", "--fail-on", "high");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.FINDINGS);
    assertThat(run.out()).contains("HIGH (");
  }

  @Test
  void audit_whenFailOnHighAndOnlyLowFindings_exitsZero() throws Exception {
    Path report = Files.writeString(dir.resolve("only-low.csv"), ONLY_LOW);

    CliRun run =
        CliRun.of(
            "audit",
            "--credential-report",
            report.toString(),
            "--as-of",
            "2026-11-24",
            "--fail-on",
            "HIGH");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(Main.OK);
    assertThat(run.out()).contains("LOW (1)").contains("key-rotation-due").doesNotContain("HIGH");
  }

  @Test
  void audit_whenFailOnLowAndOnlyLowFindings_exitsOne() throws Exception {
    Path report = Files.writeString(dir.resolve("only-low.csv"), ONLY_LOW);

    CliRun run =
        CliRun.of(
            "audit",
            "--credential-report",
            report.toString(),
            "--as-of",
            "2026-11-24",
            "--fail-on",
            "low");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.FINDINGS);
  }

  @Test
  void audit_whenQuiet_printsTheFindingsWithoutHeadingOrSummary() {
    CliRun loud = CliRun.of("audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24");
    CliRun quiet =
        CliRun.of("audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24", "--quiet");

    assertThat(quiet.exitCode()).isEqualTo(Main.OK);
    assertThat(quiet.out())
        .startsWith("CRITICAL (2)")
        .contains("root-access-key")
        .doesNotContain("Keywarden audit of account")
        .doesNotContain("Skipped checks:");
    assertThat(quiet.out().lines().count()).isLessThan(loud.out().lines().count());
  }
}
