package dev.keywarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.checks.Severity;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.StoredFinding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredFindingsOutputTest {
  private static StoredFinding finding(FindingStatus status, String principal) {
    return StoredFinding.builder()
        .accountId("123456789012")
        .checkId("key-expired")
        .resourceId("arn:aws:iam::123456789012:user/x#access_key_1")
        .principal(principal)
        .severity(Severity.HIGH)
        .title("Access key is older than its maximum age")
        .message("97 days old")
        .status(status)
        .firstSeen(Instant.parse("2026-11-01T06:00:00Z"))
        .resolvedAt(
            status == FindingStatus.RESOLVED
                ? Optional.of(Instant.parse("2026-11-20T06:00:00Z"))
                : Optional.empty())
        .deadline(Optional.of(Instant.parse("2026-10-30T00:00:00Z")))
        .exemptUntil(
            status == FindingStatus.EXEMPT
                ? Optional.of(LocalDate.parse("2026-12-31"))
                : Optional.empty())
        .exemptReason(status == FindingStatus.EXEMPT ? Optional.of("migration") : Optional.empty())
        .version(3)
        .build();
  }

  @Test
  void json_includesTheFindingsFieldsAndItsHistory() throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(
                StoredFindingsOutput.json(
                    List.of(
                        finding(FindingStatus.RESOLVED, "svc"),
                        finding(FindingStatus.EXEMPT, "legacy"))));

    JsonNode resolved = json.get("findings").get(0);
    assertThat(resolved.get("checkId").asText()).isEqualTo("key-expired");
    assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(resolved.get("firstSeen").asText()).isEqualTo("2026-11-01T06:00:00Z");
    assertThat(resolved.get("resolvedAt").asText()).isEqualTo("2026-11-20T06:00:00Z");
    assertThat(resolved.get("deadline").asText()).isEqualTo("2026-10-30T00:00:00Z");
    JsonNode exempt = json.get("findings").get(1);
    assertThat(exempt.get("exemptUntil").asText()).isEqualTo("2026-12-31");
    assertThat(exempt.get("exemptReason").asText()).isEqualTo("migration");
  }

  @Test
  void table_showsStatusAndTheMomentItLastChanged() {
    String table =
        StoredFindingsOutput.table(
            List.of(
                finding(FindingStatus.RESOLVED, "svc"), finding(FindingStatus.OPEN, "x\u001b")));

    assertThat(table)
        .contains("resolved")
        .contains("2026-11-20T06:00:00Z")
        .contains("open")
        .contains("x?")
        .doesNotContain("\u001b")
        .endsWith("2 findings.\n");
  }

  @Test
  void table_whenEmpty_saysNothingMatches() {
    assertThat(StoredFindingsOutput.table(List.of())).isEqualTo("No findings match.\n");
  }

  @Test
  void csv_defusesFormulaLikePrincipals() {
    String csv =
        StoredFindingsOutput.csv(List.of(finding(FindingStatus.OPEN, "=HYPERLINK(\"x\")")));

    assertThat(csv.split("\r\n", -1)[1]).contains(",\"'=HYPERLINK(\"\"x\"\")\",");
  }
}
