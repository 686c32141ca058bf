package dev.keywarden.report;

import static dev.keywarden.report.ReportFixtures.GENERATED;
import static dev.keywarden.report.ReportFixtures.WEEK_START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.Severity;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.report.ReportFixtures.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  static final String HOSTILE =
      "<script>alert('x')</script>\"><img src=x onerror=alert(1)>\u0000\u001b[2J\u202e";
  private static final Pattern METRIC =
      Pattern.compile("data-metric=\"([a-z-]+)\" value=\"([^\"]*)\"");

  /** The {@code data-metric} values of a page, by name. */
  static Map<String, String> metrics(String html) {
    Map<String, String> found = new LinkedHashMap<>();
    Matcher m = METRIC.matcher(html);
    while (m.find()) {
      found.put(m.group(1), m.group(2));
    }
    return found;
  }

  private static String organisationPage() {
    return HtmlReport.render(WeeklyReportBuilder.build(ReportFixtures.organisation()));
  }

  private static ReportInput hostileInput() {
    String account = "999999999999";
    StoredFinding f =
        StoredFinding.builder()
            .accountId(account)
            .checkId("key-expired")
            .resourceId("arn:aws:iam::" + account + ":user/" + HOSTILE + "#access_key_1")
            .principal(HOSTILE)
            .severity(Severity.HIGH)
            .title(HOSTILE)
            .message(HOSTILE)
            .status(FindingStatus.OPEN)
            .firstSeen(WEEK_START)
            .deadline(Optional.of(GENERATED.plus(Duration.ofDays(1))))
            .version(1)
            .build();
    StoredFinding root =
        StoredFinding.builder()
            .accountId(account)
            .checkId("root-access-key")
            .resourceId("root")
            .principal("<root_account>")
            .severity(Severity.CRITICAL)
            .title("t")
            .message(HOSTILE)
            .status(FindingStatus.OPEN)
            .firstSeen(WEEK_START)
            .version(1)
            .build();
    return new ReportInput(
        ReportFixtures.WEEK,
        GENERATED,
        List.of(Run.of(account, WEEK_START).failed(HOSTILE).build()),
        List.of(),
        Map.of(),
        List.of(f, root),
        Map.of(account, HOSTILE),
        Set.of(account),
        Map.of(ReportInput.ownerKey(account, HOSTILE), HOSTILE));
  }

  @Test
  void render_showsTheComplianceViewWithBothFrameworks() {
    String html = HtmlReport.render(WeeklyReportBuilder.build(ReportFixtures.organisation()));

    assertThat(html)
        .contains(
            "<h2 id=\"h-compliance\">Compliance by control</h2>",
            "id=\"compliance-cis\"",
            "id=\"compliance-security-hub\"",
            "data-control=\"1.15\"",
            "data-control=\"IAM.26\"",
            "data-metric=\"unused-roles\"",
            "a skipped check is never a pass");
  }

  @Test
  void render_marksEveryHeadlineNumberWithItsMetricName() {
    WeeklyReport report = WeeklyReportBuilder.build(ReportFixtures.organisation());

    Map<String, String> metrics = metrics(HtmlReport.render(report));

    assertThat(metrics.keySet()).containsExactlyInAnyOrderElementsOf(report.headline().keySet());
    report
        .headline()
        .forEach(
            (name, value) ->
                assertThat(metrics.get(name))
                    .as(name)
                    .isEqualTo(
                        value
                            .map(
                                v ->
                                    v instanceof Double d
                                        ? String.format(java.util.Locale.ROOT, "%.1f", d)
                                        : v.toString())
                            .orElse("")));
  }

  @Test
  void render_escapesHostileDataEverywhere() {
    String html = HtmlReport.render(WeeklyReportBuilder.build(hostileInput()));

    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("onerror=alert(1)>")
        .doesNotContain("\u0000")
        .doesNotContain("\u001b")
        .doesNotContain("\u202e")
        .contains(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\uFFFD\uFFFD[2J\uFFFD");
  }

  @Test
  void render_loadsNothingFromElsewhereAndRunsNoScript() {
    String html = organisationPage();

    assertThat(html)
        .doesNotContainPattern("(?i)<script|<link|<img|<iframe|@import|url\\(|src=|href=\"(?!#)")
        .contains("Content-Security-Policy")
        .contains("default-src 'none'");
  }

  @Test
  void render_isAnAccessibleDocument() {
    String html = organisationPage();

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"en\">")
        .contains("<meta charset=\"utf-8\">")
        .contains("<title>Keywarden weekly report 2026-W48</title>")
        .contains("@media print");
    assertThat(html.split("<h1", -1)).hasSize(2);
    assertThat(count(html, "<table")).isEqualTo(count(html, "<caption>"));
    assertThat(count(html, "<svg"))
        .isEqualTo(3)
        .isEqualTo(count(html, "<title id="))
        .isEqualTo(count(html, "<desc id="));
    assertThat(html)
        .doesNotContain("<th>")
        .contains("<th scope=\"col\"")
        .contains("<th scope=\"row\"");
  }

  @Test
  void render_showsSeverityAsTextNotOnlyColour() {
    assertThat(organisationPage()).contains("<span class=\"sev sev-critical\">critical</span>");
  }

  @Test
  void render_namesTheAccountsNotAuditedAndWhy() {
    String html = organisationPage();

    assertThat(html)
        .contains("analytics-staging (333333333333)")
        .contains(
            "AccessDenied: could not assume arn:aws:iam::333333333333:role/KeywardenAuditRole")
        .contains("legacy-billing (666666666666)</a></th><td class=\"msg\">no run this week");
  }

  @Test
  void render_putsRootFindingsBeforeTheCounts() {
    String html = organisationPage();

    assertThat(html.indexOf("id=\"h-coverage\"")).isLessThan(html.indexOf("id=\"h-root\""));
    assertThat(html.indexOf("id=\"h-root\"")).isLessThan(html.indexOf("id=\"h-open\""));
    assertThat(html).contains("root user has an active access key");
  }

  @Test
  void render_limitsEachAccountsDrillDownAndCountsTheRest() {
    String account = "123456789012";
    List<StoredFinding> open = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      open.add(ReportFixtures.finding(account, "key-unused", "user-" + i, "finding-" + i));
    }
    String html =
        HtmlReport.render(
            WeeklyReportBuilder.build(
                ReportFixtures.input(
                    List.of(Run.of(account, WEEK_START).build()), List.of(), Map.of(), open)));

    assertThat(count(html, "<td class=\"msg\">finding-"))
        .isEqualTo(HtmlReport.FINDINGS_PER_ACCOUNT);
    assertThat(html)
        .contains("And 15 more open findings")
        .contains("<details class=\"acct\" id=\"acct-123456789012\" open>");
  }

  @Test
  void render_whenNothingIsKnown_stillRendersEverySection() {
    String html = HtmlReport.render(WeeklyReportBuilder.build(ReportFixtures.empty()));

    assertThat(html)
        .contains("No open findings on any account")
        .contains("No accounts known")
        .contains("data-metric=\"mfa-coverage\" value=\"\">n/a")
        .endsWith("</html>\n");
  }

  @Test
  void render_keysDue_showsOverdueAsText() {
    Instant past = GENERATED.minus(Duration.ofDays(2));
    String html =
        HtmlReport.render(
            WeeklyReportBuilder.build(
                ReportFixtures.input(
                    List.of(),
                    List.of(),
                    Map.of(),
                    List.of(
                        ReportFixtures.finding(
                            "123456789012", "key-expired", "bob", "old", Optional.of(past))))));

    assertThat(html).contains("<strong class=\"up\">overdue</strong>").contains(">unknown</td>");
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
