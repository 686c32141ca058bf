package dev.keywarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.findings.RunSummary;
import dev.keywarden.report.ReportFixtures.Run;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestTextTest {
  private static final String WHERE = "s3://reports-bucket/reports/2026-W48/report.html";

  private static String organisation() {
    return DigestText.render(WeeklyReportBuilder.build(ReportFixtures.organisation()), WHERE);
  }

  @Test
  void render_staysWithinFifteenLines() {
    assertThat(organisation().lines()).hasSizeLessThanOrEqualTo(DigestText.MAX_LINES);
  }

  @Test
  void render_whenManyAccountsWereNotAudited_namesAFewAndCountsTheRest() {
    List<RunSummary> runs = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < 40; i++) {
      String id = String.format("%012d", i);
      runs.add(
          Run.of(id, ReportFixtures.WEEK_START).failed("denied " + i + "\nsecond line").build());
      names.put(id, "acct-" + i);
    }
    String digest =
        DigestText.render(
            WeeklyReportBuilder.build(
                new ReportInput(
                    ReportFixtures.WEEK,
                    ReportFixtures.GENERATED,
                    runs,
                    List.of(),
                    Map.of(),
                    List.of(),
                    names,
                    Set.of(),
                    Map.of())),
            WHERE);

    assertThat(digest.lines()).hasSizeLessThanOrEqualTo(DigestText.MAX_LINES);
    assertThat(digest)
        .contains("NOT AUDITED: 40")
        .contains("acct-0 (000000000000): denied 0?second line")
        .contains("and 37 more");
  }

  @Test
  void render_showsTheNumbersThatMovedWithTheirSign() {
    String digest = organisation();

    assertThat(digest)
        .contains("Open findings: 20 (-5 since last week)")
        .contains("high 8 (+1)")
        .contains("Moved most: user-direct-policies -6, account-not-audited +1.");
  }

  @Test
  void render_namesRootFindingsKeysDueAndWhereTheReportIs() {
    String digest = organisation();

    assertThat(digest)
        .contains("Root user findings: 3 open.")
        .contains("Keys due for deactivation in the next 7 days: 4 (2 already overdue).")
        .contains("legacy-billing (666666666666): no run this week")
        .endsWith("Full report: " + WHERE + "\n");
  }

  @Test
  void render_whenLastWeekUnknown_saysSoInsteadOfInventingChanges() {
    String digest = DigestText.render(WeeklyReportBuilder.build(ReportFixtures.empty()), WHERE);

    assertThat(digest)
        .contains("No run last week to compare with.")
        .doesNotContain("since last week")
        .contains("MFA coverage of console users: n/a");
  }

  @Test
  void render_removesControlCharactersFromPeoplesText() {
    String digest =
        DigestText.render(
            WeeklyReportBuilder.build(
                new ReportInput(
                    ReportFixtures.WEEK,
                    ReportFixtures.GENERATED,
                    List.of(),
                    List.of(),
                    Map.of(),
                    List.of(),
                    Map.of("1", "evil\u001b[2J\rname"),
                    Set.of("1"),
                    Map.of())),
            WHERE);

    assertThat(digest).doesNotContain("\u001b").doesNotContain("\r").contains("evil?[2J?name");
  }
}
