package dev.keywarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode organisation() throws Exception {
    return MAPPER.readTree(
        JsonReport.render(WeeklyReportBuilder.build(ReportFixtures.organisation())));
  }

  @Test
  void render_headlineMatchesTheHtmlMetrics() throws Exception {
    WeeklyReport report = WeeklyReportBuilder.build(ReportFixtures.organisation());
    JsonNode headline = MAPPER.readTree(JsonReport.render(report)).get("headline");
    Map<String, String> html = HtmlReportTest.metrics(HtmlReport.render(report));

    assertThat(headline.size()).isEqualTo(html.size());
    for (Iterator<String> names = headline.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode value = headline.get(name);
      String expected =
          value.isNull()
              ? ""
              : value.isDouble()
                  ? String.format(java.util.Locale.ROOT, "%.1f", value.asDouble())
                  : value.asText();
      assertThat(html.get(name)).as(name).isEqualTo(expected);
    }
  }

  @Test
  void render_namesNotAuditedAccountsWithReasonAndLastAudit() throws Exception {
    JsonNode notAudited = organisation().get("coverage").get("notAudited");

    assertThat(notAudited).hasSize(2);
    assertThat(notAudited.get(0).get("accountName").asText()).isEqualTo("analytics-staging");
    assertThat(notAudited.get(0).get("reason").asText()).startsWith("AccessDenied");
    assertThat(notAudited.get(1).get("reason").asText()).isEqualTo("no run this week");
    assertThat(notAudited.get(1).get("lastAudited").asText()).isEqualTo("2026-11-21T06:00:00Z");
  }

  @Test
  void render_givesTheComplianceViewOfBothFrameworks() throws Exception {
    JsonNode compliance = organisation().get("compliance");

    JsonNode cis115 = null;
    for (JsonNode control : compliance.get("cisV5")) {
      if (control.get("control").asText().equals("1.15")) {
        cis115 = control;
      }
    }
    assertThat(cis115).isNotNull();
    assertThat(cis115.get("checks").toString()).contains("user-full-admin", "role-full-admin");
    assertThat(
            cis115.get("pass").asInt()
                + cis115.get("fail").asInt()
                + cis115.get("notJudged").asInt())
        .isEqualTo(6);
    assertThat(compliance.get("securityHub").get(0).get("control").asText()).isEqualTo("IAM.1");
    assertThat(compliance.get("unusedRoles").isInt()).isTrue();
  }

  @Test
  void render_givesCountsWithTheirChange() throws Exception {
    JsonNode low = organisation().get("bySeverity").get(3);

    assertThat(low.get("severity").asText()).isEqualTo("LOW");
    assertThat(low.get("change").asInt())
        .isEqualTo(low.get("open").asInt() - low.get("lastWeek").asInt());
  }

  @Test
  void render_whenLastWeekUnknown_writesNullChanges() throws Exception {
    JsonNode json =
        MAPPER.readTree(JsonReport.render(WeeklyReportBuilder.build(ReportFixtures.empty())));

    assertThat(json.get("bySeverity").get(0).get("change").isNull()).isTrue();
    assertThat(json.get("headline").get(WeeklyReport.MFA_COVERAGE).isNull()).isTrue();
  }

  @Test
  void render_ranksAccountsAndListsTrends() throws Exception {
    JsonNode json = organisation();

    assertThat(json.get("accounts").get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(json.get("accounts").get(0).get("audited").asBoolean()).isFalse();
    assertThat(json.get("trends")).hasSize(8);
    assertThat(json.get("trends").get(7).get("isoWeek").asText()).isEqualTo("2026-W48");
    assertThat(json.get("keysDue")).hasSize(4);
    assertThat(json.get("rootFindings")).hasSize(3);
  }

  @Test
  void render_keepsHostileTextAsJsonStrings() throws Exception {
    String hostile = HtmlReportTest.HOSTILE;
    WeeklyReport report =
        WeeklyReportBuilder.build(
            new ReportInput(
                ReportFixtures.WEEK,
                ReportFixtures.GENERATED,
                java.util.List.of(),
                java.util.List.of(),
                Map.of(),
                java.util.List.of(),
                Map.of("1", hostile),
                java.util.Set.of("1"),
                Map.of()));

    JsonNode json = MAPPER.readTree(JsonReport.render(report));

    assertThat(json.get("coverage").get("notAudited").get(0).get("accountName").asText())
        .isEqualTo(hostile);
  }
}
