package dev.keywarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.rotate.RotationRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationReportTest {
  /** 2026-W48 runs from Monday 2026-11-23 to Sunday 2026-11-29. */
  private static final String WEEK = "2026-W48";

  private static final Instant WEEK_START = Instant.parse("2026-11-23T00:00:00Z");

  private static RotationRecord record(String user, RotationRecord.Phase phase, Instant updated) {
    return new RotationRecord(
        "123456789012",
        user,
        "a-" + user,
        "AKIAOLD" + user.length(),
        Instant.parse("2026-08-01T00:00:00Z"),
        Instant.parse("2026-11-30T00:00:00Z"),
        "keywarden/access-keys/" + user,
        phase,
        Optional.of("AKIANEW"),
        Optional.of(Instant.parse("2026-11-16T00:00:00Z")),
        Instant.parse("2026-11-16T00:00:00Z"),
        updated,
        "r",
        "note <b>",
        2);
  }

  private static final ReportFiles FILES =
      new ReportFiles(
          WEEK,
          "<html><body><main><section>x</section></main></body></html>",
          "{\"week\":\"2026-W48\",\"headline\":{\"open-total\":3}}",
          "csv",
          "digest\n");

  @Test
  void section_countsRotationsInProgressAndThoseThatEndedInTheWeek_atItsEdges() {
    RotationReport report =
        RotationReport.of(
            WEEK,
            List.of(
                record("svc-a", RotationRecord.Phase.IN_PROGRESS, WEEK_START.minusSeconds(3600)),
                record("svc-b", RotationRecord.Phase.INTENT, WEEK_START),
                record("svc-c", RotationRecord.Phase.CUT_OVER, WEEK_START),
                record(
                    "svc-d", RotationRecord.Phase.COMPLETED, WEEK_START.plusSeconds(7 * 86400 - 1)),
                record("svc-e", RotationRecord.Phase.CUT_OVER, WEEK_START.minusSeconds(1)),
                record("svc-f", RotationRecord.Phase.COMPLETED, WEEK_START.plusSeconds(7 * 86400)),
                record("svc-g", RotationRecord.Phase.WITHDRAWN, WEEK_START.plusSeconds(86400))));

    assertThat(report.inProgress())
        .extracting(RotationRecord::userName)
        .containsExactly("svc-a", "svc-b");
    assertThat(report.endedThisWeek())
        .extracting(RotationRecord::userName)
        .containsExactly("svc-c", "svc-d", "svc-g");
    assertThat(report.completedThisWeek()).isEqualTo(2);
  }

  @Test
  void addTo_addsASectionToEachFile_andLeavesTheRestAsItWas() throws Exception {
    RotationReport report =
        RotationReport.of(
            WEEK,
            List.of(
                record("svc-a", RotationRecord.Phase.IN_PROGRESS, WEEK_START),
                record("svc-c", RotationRecord.Phase.CUT_OVER, WEEK_START.plusSeconds(60))));

    ReportFiles with = report.addTo(FILES);

    assertThat(with.html())
        .startsWith("<html><body><main><section>x</section><section id=\"assisted-rotations\"")
        .endsWith("</section>\n</main></body></html>")
        .contains("<span data-metric=\"rotations-in-progress\">1</span>")
        .contains("<span data-metric=\"rotations-completed-this-week\">1</span>")
        .contains("waiting for the new key to take over")
        .contains("cut over early")
        .contains("keywarden/access-keys/svc-a")
        .doesNotContain("note <b>");
    JsonNode json = new ObjectMapper().readTree(with.json());
    assertThat(json.path("headline").path("open-total").asInt()).isEqualTo(3);
    assertThat(json.path("assistedRotations").path("inProgress").asInt()).isEqualTo(1);
    assertThat(json.path("assistedRotations").path("completedThisWeek").asInt()).isEqualTo(1);
    assertThat(json.path("assistedRotations").path("rotations").get(1).path("phase").asText())
        .isEqualTo("cut-over");
    assertThat(with.csv()).isEqualTo("csv");
    assertThat(with.digest())
        .isEqualTo("digest\nAssisted rotations: 1 in progress, 1 completed this week.\n");
  }

  @Test
  void addTo_withNoRotations_showsZeros_andLeavesTheDigestAlone() {
    ReportFiles with = RotationReport.of(WEEK, List.of()).addTo(FILES);

    assertThat(with.html())
        .contains("<span data-metric=\"rotations-in-progress\">0</span>")
        .doesNotContain("<table>");
    assertThat(with.digest()).isEqualTo("digest\n");
  }
}
