package dev.keywarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.findings.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A dry run's "would deactivate" keys are counted apart from real deactivations, and labelled,
 * everywhere.
 */
class DryRunCountsTest {
  private static final String A = "111111111111";
  private static final Instant MON = Instant.parse("2026-11-23T09:00:00Z");

  private static ReportFiles render(List<RunSummary> week) {
    return ReportFiles.render(
        new ReportInput(
            "2026-W48",
            MON.plusSeconds(86_400 * 6),
            week,
            List.of(),
            Map.of(),
            List.of(),
            Map.of(),
            Set.of(),
            Map.of()),
        "s3://b/reports/2026-W48/index.html");
  }

  private static List<RunSummary> dryWeek() {
    return List.of(
        ReportFixtures.Run.of(A, MON).wouldDeactivate(6).build(),
        ReportFixtures.Run.of(A, MON.plusSeconds(86_400)).wouldDeactivate(6).build());
  }

  @Test
  void render_whenOnlyDryRuns_reportsNoDeactivationAndLabelsWhatWouldHaveBeen() throws Exception {
    ReportFiles files = render(dryWeek());

    JsonNode json = new ObjectMapper().readTree(files.json());
    assertThat(json.get("headline").get(WeeklyReport.DEACTIVATED_THIS_WEEK).asInt()).isZero();
    assertThat(json.get("headline").get(WeeklyReport.WOULD_DEACTIVATE_THIS_WEEK).asInt())
        .isEqualTo(12);
    assertThat(json.get("thisWeek").get("deactivated").asInt()).isZero();
    assertThat(json.get("thisWeek").get("wouldDeactivate").asInt()).isEqualTo(12);
    assertThat(files.digest())
        .contains("0 keys deactivated, 12 would be deactivated (dry run; still active)");
    assertThat(files.html())
        .contains("data-metric=\"" + WeeklyReport.DEACTIVATED_THIS_WEEK + "\" value=\"0\"")
        .contains("Would deactivate (dry run)")
        .contains("data-metric=\"" + WeeklyReport.WOULD_DEACTIVATE_THIS_WEEK + "\" value=\"12\"");
  }

  @Test
  void render_whenMixedWeek_countsEachApart() throws Exception {
    List<RunSummary> week = new java.util.ArrayList<>(dryWeek());
    week.add(ReportFixtures.Run.of(A, MON.plusSeconds(86_400 * 2)).activity(0, 0, 2, 0, 0).build());

    ReportFiles files = render(week);

    JsonNode json = new ObjectMapper().readTree(files.json());
    assertThat(json.get("headline").get(WeeklyReport.DEACTIVATED_THIS_WEEK).asInt()).isEqualTo(2);
    assertThat(json.get("headline").get(WeeklyReport.WOULD_DEACTIVATE_THIS_WEEK).asInt())
        .isEqualTo(12);
    assertThat(files.digest())
        .contains("2 keys deactivated, 12 would be deactivated (dry run; still active)");
  }

  @Test
  void render_whenNoDryRun_saysNothingOfWouldDeactivateInTheDigest() {
    ReportFiles files =
        render(List.of(ReportFixtures.Run.of(A, MON).activity(0, 0, 3, 0, 0).build()));

    assertThat(files.digest()).contains("3 keys deactivated.").doesNotContain("would be");
    assertThat(files.html()).doesNotContain("Would deactivate (dry run)");
  }
}
