package dev.keywarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TablePaddingTest {
  private static Finding finding(String principal) {
    return new Finding(
        "key-unused",
        Severity.MEDIUM,
        "123456789012",
        principal,
        "arn:aws:iam::123456789012:user/" + principal,
        "t",
        "MSG",
        Optional.empty());
  }

  @Test
  void table_whenNamesHaveCombiningMarksAndWideCharacters_alignsTheMessagesByWhatATerminalShows() {
    AuditResult result =
        new AuditResult(
            "123456789012",
            Instant.parse("2026-11-24T00:00:00Z"),
            List.of(finding("zoe\u0308"), finding("\u5c71\u7530"), finding("bob")),
            List.of(),
            Map.of());

    List<String> rows =
        FindingsOutput.table(result, false, false).lines().filter(l -> l.contains("MSG")).toList();

    assertThat(rows)
        .hasSize(3)
        .allSatisfy(
            row ->
                assertThat(FindingsOutput.width(row.substring(0, row.indexOf("MSG"))))
                    .isEqualTo(2 + 10 + 2 + 4 + 2));
  }

  @Test
  void width_countsColumns() {
    assertThat(FindingsOutput.width("zoe\u0308")).isEqualTo(3);
    assertThat(FindingsOutput.width("\u5c71\u7530")).isEqualTo(4);
    assertThat(FindingsOutput.width("Ångström")).isEqualTo(8);
  }

  @Test
  void clip_neverCutsACharacterInHalf() {
    assertThat(FindingsOutput.clip("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 4))
        .isEqualTo("\uD83D\uDE00~");
  }

  @Test
  void keysDue_whenOwnerAddressIsLong_wrapsItInsideItsCell() {
    assertThat(HtmlReport.render(WeeklyReportBuilder.build(ReportFixtures.organisation())))
        .contains("td.msg, td.owner { overflow-wrap: anywhere; }")
        .contains("<td class=\"owner\">");
  }
}
