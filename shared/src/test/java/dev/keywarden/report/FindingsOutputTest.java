package dev.keywarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.ExemptedFinding;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FindingsOutputTest {
  private static final Instant AS_OF = Instant.parse("2026-11-24T00:00:00Z");
  private static final String ACCOUNT = "123456789012";

  private static Finding finding(
      String check, Severity severity, String principal, String message) {
    return new Finding(
        check,
        severity,
        ACCOUNT,
        principal,
        "arn:aws:iam::" + ACCOUNT + ":user/" + principal,
        "Title of " + check,
        message,
        Optional.empty());
  }

  private static AuditResult result(List<Finding> findings) {
    return new AuditResult(ACCOUNT, AS_OF, findings, List.of(), Map.of());
  }

  @Test
  void json_whenFindingsExist_printsTheDocumentedFields() throws Exception {
    Finding expired =
        finding("key-expired", Severity.HIGH, "svc,deploy", "access_key_1 is 97 days old")
            .withDeadline(Instant.parse("2026-11-20T00:00:00Z"));
    Finding root =
        new Finding(
            "root-no-mfa",
            Severity.CRITICAL,
            ACCOUNT,
            "<root_account>",
            "arn:aws:iam::" + ACCOUNT + ":root",
            "Root has no MFA",
            "root has no MFA",
            Optional.empty());

    JsonNode json =
        new ObjectMapper().readTree(FindingsOutput.json(result(List.of(root, expired))));

    assertThat(json.get("findings")).hasSize(2);
    JsonNode first = json.get("findings").get(0);
    assertThat(first.get("checkId").asText()).isEqualTo("root-no-mfa");
    assertThat(first.get("principal").asText()).isEqualTo("<root_account>");
    JsonNode second = json.get("findings").get(1);
    assertThat(second.get("principal").asText()).isEqualTo("svc,deploy");
    assertThat(second.get("severity").asText()).isEqualTo("HIGH");
    assertThat(second.get("deadline").asText()).isEqualTo("2026-11-20T00:00:00Z");
    assertThat(second.fieldNames())
        .toIterable()
        .contains(
            "checkId", "severity", "accountId", "principal", "resourceId", "title", "message");
  }

  @Test
  void json_whenFindingsAreExemptedOrSkipped_listsThemApart() throws Exception {
    Finding f = finding("key-expired", Severity.HIGH, "legacy", "old key");
    AuditResult result =
        new AuditResult(
            ACCOUNT,
            AS_OF,
            List.of(),
            List.of(new ExemptedFinding(f, LocalDate.parse("2026-12-31"), "vendor migration")),
            Map.of("root-no-hardware-mfa", "offline audit"));

    JsonNode json = new ObjectMapper().readTree(FindingsOutput.json(result));

    assertThat(json.get("findings")).isEmpty();
    assertThat(json.get("exempted").get(0).get("exemptReason").asText())
        .isEqualTo("vendor migration");
    assertThat(json.get("exempted").get(0).get("exemptUntil").asText()).isEqualTo("2026-12-31");
    assertThat(json.get("skipped").get(0).get("checkId").asText())
        .isEqualTo("root-no-hardware-mfa");
  }

  @Test
  void csv_whenValuesHoldCommasQuotesOrFormulas_quotesAndDefusesThem() {
    Finding f =
        finding(
            "owner-missing",
            Severity.LOW,
            "=cmd|'/c calc'!A1",
            "owner tag is \"bob, the builder\"");

    String csv = FindingsOutput.csv(result(List.of(f)));

    String[] lines = csv.split("\r\n", -1);
    assertThat(lines[0])
        .isEqualTo("severity,checkId,accountId,principal,resourceId,title,message,deadline");
    assertThat(lines[1])
        .contains(",'=cmd|'/c calc'!A1,")
        .contains(",\"owner tag is \"\"bob, the builder\"\"\",");
  }

  static Stream<Arguments> cells() {
    return Stream.of(
        Arguments.of("plain", "plain"),
        Arguments.of("=1+2", "'=1+2"),
        Arguments.of("+SUM(A1)", "'+SUM(A1)"),
        Arguments.of("-2", "'-2"),
        Arguments.of("@import", "'@import"),
        Arguments.of("\tx", "'\tx"),
        Arguments.of("a,b", "\"a,b\""),
        Arguments.of("line\nbreak", "\"line\nbreak\""));
  }

  @ParameterizedTest
  @MethodSource("cells")
  void cell_escapesAsSpreadsheetsNeed(String input, String expected) {
    assertThat(Csv.cell(input)).isEqualTo(expected);
  }

  @Test
  void table_whenFindingsExist_groupsBySeverityMostUrgentFirst() {
    String table =
        FindingsOutput.table(
            result(
                List.of(
                    finding("root-no-mfa", Severity.CRITICAL, "<root_account>", "root has no MFA"),
                    finding("key-unused", Severity.MEDIUM, "bob", "unused 50 days"),
                    finding("key-expired", Severity.HIGH, "alice", "97 days old"))),
            false);

    assertThat(table.indexOf("CRITICAL (1)")).isLessThan(table.indexOf("HIGH (1)"));
    assertThat(table.indexOf("HIGH (1)")).isLessThan(table.indexOf("MEDIUM (1)"));
    assertThat(table)
        .contains("3 findings: 1 critical, 1 high, 1 medium.")
        .doesNotContain("\u001b[");
  }

  @Test
  void table_whenColourIsOn_paintsOnlyTheHeadings() {
    String table =
        FindingsOutput.table(
            result(List.of(finding("key-expired", Severity.HIGH, "alice", "old"))), true);

    assertThat(table).contains("\u001b[31mHIGH (1)\u001b[0m");
    assertThat(table.lines().filter(l -> l.contains("alice")).findFirst().orElseThrow())
        .doesNotContain("\u001b");
  }

  @Test
  void table_whenTextHoldsControlCharacters_neutralisesThem() {
    String table =
        FindingsOutput.table(
            result(List.of(finding("owner-missing", Severity.LOW, "eve\u001b[2J", "bad\rvalue"))),
            false);

    assertThat(table)
        .doesNotContain("\u001b")
        .doesNotContain("\r")
        .contains("eve?[2J")
        .contains("bad?value");
  }

  @Test
  void table_whenNothingFound_saysSoAndListsSkippedChecks() {
    AuditResult result =
        new AuditResult(
            ACCOUNT, AS_OF, List.of(), List.of(), Map.of("password-policy-weak", "offline audit"));

    assertThat(FindingsOutput.table(result, false))
        .contains("No findings.")
        .contains("password-policy-weak: offline audit");
  }
}
