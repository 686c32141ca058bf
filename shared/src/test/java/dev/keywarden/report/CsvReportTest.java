package dev.keywarden.report;

import static dev.keywarden.report.ReportFixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvReportTest {
  @Test
  void render_writesAHeaderAndOneRowPerFinding_byAccountThenSeverity() {
    String csv =
        CsvReport.render(
            List.of(
                finding("222222222222", "key-unused", "b", "unused"),
                finding("111111111111", "key-unused", "c", "unused"),
                finding("111111111111", "root-access-key", "<root_account>", "root key")),
            Map.of("111111111111", "prod"),
            Map.of("111111111111/c", "team@example.com"));

    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo(String.join(",", CsvReport.COLUMNS));
    assertThat(lines).hasSize(4);
    assertThat(lines[1]).startsWith("111111111111,prod,CRITICAL,root-access-key,<root_account>,,");
    assertThat(lines[2]).startsWith("111111111111,prod,MEDIUM,key-unused,c,team@example.com,");
    assertThat(lines[3]).startsWith("222222222222,,MEDIUM,key-unused,b,,");
  }

  @Test
  void render_defusesFormulasAndQuotesSeparators() {
    String csv =
        CsvReport.render(
            List.of(
                finding("111111111111", "key-unused", "=HYPERLINK(\"http://x\",\"y\")", "a,b\nc")),
            Map.of("111111111111", "@SUM(A1)"),
            Map.of("111111111111/=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0"));

    String row = csv.substring(csv.indexOf("\r\n") + 2);
    assertThat(row)
        .startsWith(
            "111111111111,'@SUM(A1),MEDIUM,key-unused,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+cmd|' /C calc'!A0,")
        .contains(",\"a,b\nc\",");
  }

  @Test
  void render_whenNoFindings_writesOnlyTheHeader() {
    assertThat(CsvReport.render(List.of(), Map.of(), Map.of()))
        .isEqualTo(String.join(",", CsvReport.COLUMNS) + "\r\n");
  }
}
