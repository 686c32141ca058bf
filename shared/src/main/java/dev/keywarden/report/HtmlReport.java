package dev.keywarden.report;

import dev.keywarden.checks.Severity;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.report.WeeklyReport.Account;
import dev.keywarden.report.WeeklyReport.AuditedAccount;
import dev.keywarden.report.WeeklyReport.CheckCount;
import dev.keywarden.report.WeeklyReport.KeyDue;
import dev.keywarden.report.WeeklyReport.NotAuditedAccount;
import dev.keywarden.report.WeeklyReport.RankedAccount;
import dev.keywarden.report.WeeklyReport.RootFinding;
import dev.keywarden.report.WeeklyReport.SeverityCount;
import dev.keywarden.report.WeeklyReport.TrendPoint;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders the weekly report as one self-contained HTML page (inline CSS and SVG, no script, nothing
 * loaded from elsewhere), because it is read by people in a browser, printed and archived as a
 * file.
 *
 * <p>Every piece of data goes through {@link Html#escape}. The headline numbers are {@code <data
 * data-metric="NAME" value="N">} elements whose names are {@link WeeklyReport#headline()}'s, so
 * that tools and tests can read them back.
 */
public final class HtmlReport {
  /**
   * Open findings listed per account in the drill-down; the rest are counted and left to the CSV.
   */
  public static final int FINDINGS_PER_ACCOUNT = 25;

  /** Accounts in the ranking table; all of them are in the drill-down, in the same order. */
  public static final int RANKED_ROWS = 20;

  /** Accounts whose drill-down is open when the page loads. */
  public static final int OPEN_DETAILS = 3;

  /** Keys listed in the due-next-week table. */
  public static final int KEYS_DUE_ROWS = 200;

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String MINUS = "\u2212";

  private HtmlReport() {}

  public static String render(WeeklyReport report) {
    StringBuilder out = new StringBuilder(64 * 1024 + report.accounts().size() * 6 * 1024);
    head(out, report);
    out.append(
        "<body>\n<header class=\"top\"><p class=\"brand\">Keywarden</p><h1>Weekly IAM report <span class=\"week\">");
    Html.append(out, report.isoWeek())
        .append("</span></h1>\n<p class=\"meta\">Generated ")
        .append(MINUTE.format(report.generatedAt()))
        .append(" · ")
        .append(count(report.coverage().known()))
        .append(report.coverage().known() == 1 ? " account" : " accounts")
        .append(" known · ")
        .append(count(report.activity().runs()))
        .append(report.activity().runs() == 1 ? " run" : " runs")
        .append(" this week</p></header>\n<main>\n");
    headline(out, report);
    coverage(out, report);
    rootFindings(out, report);
    openFindings(out, report);
    ComplianceHtml.section(out, report);
    thisWeek(out, report);
    keysDue(out, report);
    ranking(out, report);
    trends(out, report);
    drillDown(out, report);
    out.append("</main>\n<footer><p>Risk score per account: ")
        .append(
            "40 per open critical finding, 10 per high, 3 per medium, 1 per low, plus 50 when the account was not audited this week. ")
        .append(
            "Every open finding, with its owner, is in findings.csv beside this page; the same figures are in report.json. ")
        .append(
            "How each number is derived: docs/report.md in the Keywarden repository.</p></footer>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void head(StringBuilder out, WeeklyReport report) {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; ")
        .append("img-src data:; base-uri 'none'; form-action 'none'\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"color-scheme\" content=\"light\">\n<title>Keywarden weekly report ");
    Html.append(out, report.isoWeek())
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n");
  }

  private static final String CSS =
      """
      :root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #0b4f8a;
        --critical: #8e1b1b; --high: #b42318; --medium: #8a4b00; --low: #1d4ed8; --info: #4b5563;
        --good: #1a7f37; --warn-bg: #fff4e5; --warn-line: #b35900; }
      * { box-sizing: border-box; }
      html { background: #eef1f4; }
      body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 2rem 3rem; background: #fff; color: var(--ink);
        font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
      header.top { border-bottom: 3px solid var(--accent); margin-bottom: 1.25rem; }
      .brand { margin: 0; color: var(--accent); font-weight: 700; letter-spacing: .08em; text-transform: uppercase; font-size: .8rem; }
      h1 { margin: .1rem 0 .2rem; font-size: 1.8rem; }
      h1 .week { color: var(--accent); }
      .meta { margin: 0 0 .8rem; color: var(--muted); }
      h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
      h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
      p { margin: .4rem 0 .8rem; }
      .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr)); gap: .6rem; margin: 0; }
      .card { border: 1px solid var(--line); border-radius: 8px; padding: .55rem .8rem; background: var(--soft); }
      .card dt { color: var(--muted); font-size: .82rem; }
      .card dd { margin: 0; }
      .card .num { font-size: 1.75rem; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
      .card .sub { display: block; color: var(--muted); font-size: .8rem; }
      .card.alert { border-color: var(--high); background: #fdf0ee; }
      .card.alert dt { color: #7a1c12; }
      .card.ok { border-color: #9ad5a9; background: #f0faf2; }
      table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92rem; }
      caption { text-align: left; font-weight: 600; padding: .3rem 0; color: var(--ink); }
      th, td { text-align: left; padding: .35rem .55rem; border-bottom: 1px solid var(--line); vertical-align: top; }
      thead th { background: var(--soft); border-bottom: 2px solid var(--line); font-size: .85rem; }
      tbody th { font-weight: 600; }
      tbody th .muted { font-weight: 400; font-size: .85rem; }
      td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.msg, td.owner { overflow-wrap: anywhere; } td.owner { max-width: 22em; }
      table.narrow { width: auto; min-width: 26rem; }
      code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88em; }
      code { white-space: nowrap; } .mono { overflow-wrap: anywhere; }
      td.d { white-space: nowrap; font-variant-numeric: tabular-nums; }
      .sev { display: inline-block; min-width: 4.6rem; text-align: center; border-radius: 4px; padding: 0 .4rem;
        color: #fff; font-size: .78rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
      .sev-critical { background: var(--critical); } .sev-high { background: var(--high); }
      .sev-medium { background: var(--medium); } .sev-low { background: var(--low); } .sev-info { background: var(--info); }
      .up { color: #a40e26; } .down { color: var(--good); } .flat { color: var(--muted); }
      .warn { background: var(--warn-bg); border-left: 4px solid var(--warn-line); padding: .6rem .9rem; border-radius: 0 6px 6px 0; }
      .good { background: #f0faf2; border-left: 4px solid var(--good); padding: .6rem .9rem; border-radius: 0 6px 6px 0; }
      .muted { color: var(--muted); fill: #57606a; }
      .grid2 { display: grid; grid-template-columns: 1fr 1.6fr; gap: 1.5rem; align-items: start; }
      figure { margin: .6rem 0 1.2rem; }
      figcaption { color: var(--muted); font-size: .88rem; }
      .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); gap: 1rem 1.5rem; }
      .charts figure.wide { grid-column: 1 / -1; }
      svg.chart { width: 100%; height: auto; font: 12px system-ui, sans-serif; fill: #3d444d; }
      svg .grid { stroke: #e3e7eb; } svg .axis { stroke: #8c959f; }
      svg .series-label { font-weight: 700; }
      details.acct { border: 1px solid var(--line); border-radius: 6px; margin: .35rem 0; }
      details.acct > summary { cursor: pointer; padding: .45rem .7rem; background: var(--soft); list-style-position: inside; }
      details.acct[open] > summary { border-bottom: 1px solid var(--line); }
      details.acct > div { padding: .2rem .8rem .6rem; }
      .rank { display: inline-block; min-width: 2.6rem; color: var(--muted); font-variant-numeric: tabular-nums; }
      .score { font-weight: 700; }
      .tag { display: inline-block; border: 1px solid var(--warn-line); color: #7a3d00; border-radius: 4px; padding: 0 .35rem; font-size: .78rem; }
      footer { margin-top: 2.5rem; padding-top: .8rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
      a { color: var(--accent); }
      @media (max-width: 48rem) { body { padding: 1rem; } .grid2 { grid-template-columns: 1fr; } .charts { grid-template-columns: 1fr; } }
      @media print {
        html, body { background: #fff; }
        body { max-width: none; padding: 0; font-size: 10pt; }
        h2 { break-after: avoid; }
        table, figure, .card { break-inside: avoid; }
        thead { display: table-header-group; }
        a { color: inherit; text-decoration: none; }
        .sev { border: 1px solid #000; }
        details.acct { break-inside: avoid; }
      }
      """;

  // ---------------------------------------------------------------- headline

  private static void headline(StringBuilder out, WeeklyReport r) {
    out.append(
        "<section aria-labelledby=\"h-glance\">\n<h2 id=\"h-glance\">At a glance</h2>\n<dl class=\"cards\">\n");
    int notAudited = r.coverage().notAudited().size();
    card(
        out,
        notAudited > 0 ? "alert" : "ok",
        "Accounts audited",
        WeeklyReport.ACCOUNTS_AUDITED,
        r.coverage().audited().size(),
        "of " + count(r.coverage().known()) + " known");
    card(
        out,
        notAudited > 0 ? "alert" : "ok",
        "Accounts not audited",
        WeeklyReport.ACCOUNTS_NOT_AUDITED,
        notAudited,
        notAudited > 0 ? "named under Coverage" : "full coverage");
    card(
        out,
        r.rootFindings().isEmpty() ? "ok" : "alert",
        "Root user findings",
        WeeklyReport.ROOT_FINDINGS,
        r.rootFindings().size(),
        r.rootFindings().isEmpty() ? "none open" : "listed first below");
    card(
        out,
        r.open(Severity.CRITICAL) > 0 ? "alert" : "",
        "Open critical",
        WeeklyReport.OPEN_CRITICAL,
        r.open(Severity.CRITICAL),
        changeText(severityCount(r, Severity.CRITICAL).change()));
    card(
        out,
        "",
        "Open high",
        WeeklyReport.OPEN_HIGH,
        r.open(Severity.HIGH),
        changeText(severityCount(r, Severity.HIGH).change()));
    card(
        out,
        "",
        "Open findings, all",
        WeeklyReport.OPEN_TOTAL,
        r.openTotal(),
        changeText(r.openTotalLastWeek().map(p -> r.openTotal() - p)));
    card(
        out,
        "",
        "New this week",
        WeeklyReport.NEW_THIS_WEEK,
        r.activity().opened(),
        "findings opened by runs");
    card(
        out,
        "",
        "Resolved this week",
        WeeklyReport.RESOLVED_THIS_WEEK,
        r.activity().resolved(),
        "findings no longer found");
    card(
        out,
        "",
        "Keys deactivated",
        WeeklyReport.DEACTIVATED_THIS_WEEK,
        r.activity().deactivated(),
        r.activity().deferred() > 0
            ? count(r.activity().deferred()) + " deferred by the cap"
            : "this week");
    if (r.activity().wouldDeactivate() > 0) {
      card(
          out,
          "",
          "Would deactivate (dry run)",
          WeeklyReport.WOULD_DEACTIVATE_THIS_WEEK,
          r.activity().wouldDeactivate(),
          "still active: dry runs change nothing");
    }
    card(
        out,
        r.keysDue().isEmpty() ? "" : "alert",
        "Keys due next week",
        WeeklyReport.KEYS_DUE_NEXT_WEEK,
        r.keysDue().size(),
        overdue(r) > 0 ? count(overdue(r)) + " already overdue" : "deadline within 7 days");
    TrendPoint now = r.thisWeek();
    card(
        out,
        "",
        "Active long-term keys",
        WeeklyReport.ACTIVE_KEYS,
        now.activeKeys(),
        "in audited accounts");
    out.append("<div class=\"card\"><dt>MFA coverage</dt><dd>");
    Optional<Double> mfa = now.mfaCoveragePercent();
    if (mfa.isPresent()) {
      out.append("<data class=\"num\" data-metric=\"")
          .append(WeeklyReport.MFA_COVERAGE)
          .append("\" value=\"")
          .append(percentValue(mfa.get()))
          .append("\">")
          .append(percentValue(mfa.get()))
          .append("%</data>");
    } else {
      out.append("<data class=\"num\" data-metric=\"")
          .append(WeeklyReport.MFA_COVERAGE)
          .append("\" value=\"\">n/a</data>");
    }
    out.append("<span class=\"sub\">")
        .append(count(now.consoleUsersWithMfa()))
        .append(" of ")
        .append(count(now.consoleUsers()))
        .append(" console users</span></dd></div>\n</dl>\n</section>\n");
  }

  private static void card(
      StringBuilder out, String kind, String label, String metric, int value, String sub) {
    out.append("<div class=\"card")
        .append(kind.isEmpty() ? "" : " " + kind)
        .append("\"><dt>")
        .append(label)
        .append("</dt><dd><data class=\"num\" data-metric=\"")
        .append(metric)
        .append("\" value=\"")
        .append(value)
        .append("\">")
        .append(count(value))
        .append("</data><span class=\"sub\">");
    Html.append(out, sub).append("</span></dd></div>\n");
  }

  private static long overdue(WeeklyReport r) {
    return r.keysDue().stream().filter(KeyDue::overdue).count();
  }

  private static SeverityCount severityCount(WeeklyReport r, Severity s) {
    return r.bySeverity().stream().filter(c -> c.severity() == s).findFirst().orElseThrow();
  }

  // ---------------------------------------------------------------- coverage

  private static void coverage(StringBuilder out, WeeklyReport r) {
    out.append("<section aria-labelledby=\"h-coverage\">\n<h2 id=\"h-coverage\">Coverage</h2>\n");
    List<NotAuditedAccount> missing = r.coverage().notAudited();
    if (missing.isEmpty()) {
      out.append("<p class=\"good\">All ")
          .append(count(r.coverage().known()))
          .append(" known accounts were audited this week.</p>\n");
    } else {
      out.append("<p class=\"warn\"><strong>")
          .append(count(missing.size()))
          .append(" of ")
          .append(count(r.coverage().known()))
          .append(missing.size() == 1 ? " account was" : " accounts were")
          .append(
              " not audited this week.</strong> Their findings below are as of their last audit.</p>\n")
          .append(
              "<table>\n<caption>Accounts not audited this week</caption>\n<thead><tr><th scope=\"col\">Account</th>")
          .append(
              "<th scope=\"col\">Why</th><th scope=\"col\">Last audited</th></tr></thead>\n<tbody>\n");
      for (NotAuditedAccount n : missing) {
        out.append("<tr><th scope=\"row\">");
        accountLink(out, n.account());
        out.append("</th><td class=\"msg\">");
        Html.append(out, n.reason())
            .append("</td><td class=\"d\">")
            .append(n.lastAudited().map(DAY::format).orElse("never (in the weeks shown)"))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    List<AuditedAccount> audited = r.coverage().audited();
    if (!audited.isEmpty()) {
      out.append("<details><summary>The ")
          .append(count(audited.size()))
          .append(audited.size() == 1 ? " audited account" : " audited accounts")
          .append("</summary>\n")
          .append(
              "<table>\n<caption>Accounts audited this week, with their latest run</caption>\n<thead><tr>")
          .append(
              "<th scope=\"col\">Account</th><th scope=\"col\">Latest run</th></tr></thead>\n<tbody>\n");
      for (AuditedAccount a : audited) {
        out.append("<tr><th scope=\"row\">");
        accountLink(out, a.account());
        out.append("</th><td>").append(MINUTE.format(a.at())).append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n</details>\n");
    }
    out.append("</section>\n");
  }

  // ---------------------------------------------------------------- root

  private static void rootFindings(StringBuilder out, WeeklyReport r) {
    out.append("<section aria-labelledby=\"h-root\">\n<h2 id=\"h-root\">Root user findings</h2>\n");
    if (r.rootFindings().isEmpty()) {
      out.append(
          "<p class=\"good\">No open findings on any account's root user.</p>\n</section>\n");
      return;
    }
    out.append(
            "<p>The root user can do anything in its account and cannot be restricted by IAM policies: these come first.</p>\n")
        .append("<table>\n<caption>Open root user findings (")
        .append(count(r.rootFindings().size()))
        .append(
            ")</caption>\n<thead><tr><th scope=\"col\">Account</th><th scope=\"col\">Severity</th>")
        .append(
            "<th scope=\"col\">Check</th><th scope=\"col\">Finding</th><th scope=\"col\">Open since</th></tr></thead>\n<tbody>\n");
    for (RootFinding rf : r.rootFindings()) {
      StoredFinding f = rf.finding();
      out.append("<tr><th scope=\"row\">");
      accountLink(out, rf.account());
      out.append("</th><td>");
      severity(out, f.severity());
      out.append("</td><td><code>");
      Html.append(out, f.checkId()).append("</code></td><td class=\"msg\">");
      Html.append(out, f.message())
          .append("</td><td class=\"d\">")
          .append(DAY.format(f.firstSeen()))
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  // ---------------------------------------------------------------- counts

  private static void openFindings(StringBuilder out, WeeklyReport r) {
    out.append("<section aria-labelledby=\"h-open\">\n<h2 id=\"h-open\">Open findings</h2>\n");
    out.append("<p>").append(count(r.openTotal())).append(" open across all accounts");
    r.openTotalLastWeek()
        .ifPresentOrElse(
            p ->
                out.append(", ")
                    .append(changeText(Optional.of(r.openTotal() - p)))
                    .append(" (")
                    .append(count(p))
                    .append(" at the end of last week)."),
            () -> out.append("; there is no run from last week to compare with."));
    out.append(
            "</p>\n<div class=\"grid2\">\n<table>\n<caption>By severity</caption>\n<thead><tr><th scope=\"col\">Severity</th>")
        .append(
            "<th scope=\"col\" class=\"n\">Open</th><th scope=\"col\" class=\"n\">Last week</th>")
        .append("<th scope=\"col\" class=\"n\">Change</th></tr></thead>\n<tbody>\n");
    for (SeverityCount c : r.bySeverity()) {
      out.append("<tr><th scope=\"row\">");
      severity(out, c.severity());
      out.append("</th><td class=\"n\">");
      String metric =
          c.severity() == Severity.MEDIUM
              ? WeeklyReport.OPEN_MEDIUM
              : c.severity() == Severity.LOW ? WeeklyReport.OPEN_LOW : "";
      if (metric.isEmpty()) {
        out.append(count(c.open()));
      } else {
        out.append("<data data-metric=\"")
            .append(metric)
            .append("\" value=\"")
            .append(c.open())
            .append("\">")
            .append(count(c.open()))
            .append("</data>");
      }
      out.append("</td><td class=\"n\">")
          .append(c.lastWeek().map(HtmlReport::count).orElse("—"))
          .append("</td><td class=\"n\">");
      change(out, c.change());
      out.append("</td></tr>\n");
    }
    out.append(
            "</tbody>\n</table>\n<table>\n<caption>By check</caption>\n<thead><tr><th scope=\"col\">Check</th>")
        .append(
            "<th scope=\"col\">Severity</th><th scope=\"col\" class=\"n\">Open</th><th scope=\"col\" class=\"n\">Last week</th>")
        .append("<th scope=\"col\" class=\"n\">Change</th></tr></thead>\n<tbody>\n");
    if (r.byCheck().isEmpty()) {
      out.append("<tr><td colspan=\"5\">No open findings.</td></tr>\n");
    }
    for (CheckCount c : r.byCheck()) {
      out.append("<tr><th scope=\"row\"><code>");
      Html.append(out, c.checkId()).append("</code><br><span class=\"muted\">");
      Html.append(out, c.title()).append("</span></th><td>");
      severity(out, c.severity());
      out.append("</td><td class=\"n\">")
          .append(count(c.open()))
          .append("</td><td class=\"n\">")
          .append(c.lastWeek().map(HtmlReport::count).orElse("—"))
          .append("</td><td class=\"n\">");
      change(out, c.change());
      out.append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  private static void thisWeek(StringBuilder out, WeeklyReport r) {
    WeeklyReport.Activity a = r.activity();
    out.append("<section aria-labelledby=\"h-week\">\n<h2 id=\"h-week\">This week</h2>\n")
        .append("<table class=\"narrow\">\n<caption>What the week's ")
        .append(count(a.runs()))
        .append(a.runs() == 1 ? " run" : " runs")
        .append(" did</caption>\n<tbody>\n");
    row(out, "New findings", a.opened());
    row(out, "Findings resolved", a.resolved());
    row(out, "Keys deactivated", a.deactivated());
    out.append(
            "<tr><th scope=\"row\">Keys a dry run would have deactivated (still active)</th><td class=\"n\"><data data-metric=\"")
        .append(WeeklyReport.WOULD_DEACTIVATE_THIS_WEEK)
        .append("\" value=\"")
        .append(a.wouldDeactivate())
        .append("\">")
        .append(count(a.wouldDeactivate()))
        .append("</data></td></tr>\n");
    out.append(
            "<tr><th scope=\"row\">Deactivations deferred by the per-run cap</th><td class=\"n\"><data data-metric=\"")
        .append(WeeklyReport.DEFERRED_THIS_WEEK)
        .append("\" value=\"")
        .append(a.deferred())
        .append("\">")
        .append(count(a.deferred()))
        .append("</data></td></tr>\n");
    row(out, "Owner notices sent", a.notices());
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private static void row(StringBuilder out, String label, int value) {
    out.append("<tr><th scope=\"row\">")
        .append(label)
        .append("</th><td class=\"n\">")
        .append(count(value))
        .append("</td></tr>\n");
  }

  // ---------------------------------------------------------------- keys due

  private static void keysDue(StringBuilder out, WeeklyReport r) {
    out.append(
        "<section aria-labelledby=\"h-due\">\n<h2 id=\"h-due\">Keys due for deactivation next week</h2>\n");
    if (r.keysDue().isEmpty()) {
      out.append(
          "<p class=\"good\">No access key reaches its deadline in the next 7 days.</p>\n</section>\n");
      return;
    }
    out.append(
            "<p>Active keys whose deadline falls within 7 days of this report, or has passed: in enforce mode the next ")
        .append(
            "run deactivates them. Their owners have been sent notices; a reminder from the security team helps.</p>\n")
        .append("<table>\n<caption>Keys due (")
        .append(count(r.keysDue().size()))
        .append(")</caption>\n<thead><tr>")
        .append(
            "<th scope=\"col\">Deadline</th><th scope=\"col\">Status</th><th scope=\"col\">Account</th>")
        .append(
            "<th scope=\"col\">User</th><th scope=\"col\">Key</th><th scope=\"col\">Owner</th></tr></thead>\n<tbody>\n");
    int shown = 0;
    for (KeyDue k : r.keysDue()) {
      if (shown++ == KEYS_DUE_ROWS) {
        break;
      }
      out.append("<tr><td class=\"d\">").append(DAY.format(k.deadline())).append("</td><td>");
      if (k.overdue()) {
        out.append("<strong class=\"up\">overdue</strong>");
      } else {
        long days = Math.max(0, Duration.between(r.generatedAt(), k.deadline()).toHours() / 24);
        out.append(
            days == 0 ? "due within a day" : "due in " + days + (days == 1 ? " day" : " days"));
      }
      out.append("</td><td>");
      accountLink(out, k.account());
      out.append("</td><th scope=\"row\">");
      Html.append(out, k.principal()).append("</th><td><span class=\"mono\">");
      Html.append(out, keyLabel(k.resourceId())).append("</span></td><td class=\"owner\">");
      Html.append(out, k.owner()).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    if (r.keysDue().size() > KEYS_DUE_ROWS) {
      out.append("<p>")
          .append(count(r.keysDue().size() - KEYS_DUE_ROWS))
          .append(
              " more keys are due; findings.csv lists every open finding with its deadline.</p>\n");
    }
    out.append("</section>\n");
  }

  /**
   * The part of a key's resource id after the user ARN, such as {@code access_key_1}, or the whole
   * id.
   */
  private static String keyLabel(String resourceId) {
    int hash = resourceId.lastIndexOf('#');
    return hash >= 0 && hash < resourceId.length() - 1
        ? resourceId.substring(hash + 1)
        : resourceId;
  }

  // ---------------------------------------------------------------- ranking

  private static void ranking(StringBuilder out, WeeklyReport r) {
    out.append("<section aria-labelledby=\"h-risk\">\n<h2 id=\"h-risk\">Accounts by risk</h2>\n")
        .append(
            "<p>Score: 40 per open critical finding, 10 per high, 3 per medium, 1 per low, plus 50 when the account ")
        .append("was not audited this week; ties by account id.");
    if (r.accounts().size() > RANKED_ROWS) {
      out.append(" The top ")
          .append(RANKED_ROWS)
          .append(" of ")
          .append(count(r.accounts().size()))
          .append(" are shown here; all of them are under Account details, in the same order.");
    }
    out.append(
            "</p>\n<table>\n<caption>Highest risk accounts</caption>\n<thead><tr><th scope=\"col\" class=\"n\">Rank</th>")
        .append("<th scope=\"col\">Account</th><th scope=\"col\" class=\"n\">Score</th>")
        .append(
            "<th scope=\"col\" class=\"n\">Critical</th><th scope=\"col\" class=\"n\">High</th>")
        .append("<th scope=\"col\" class=\"n\">Medium</th><th scope=\"col\" class=\"n\">Low</th>")
        .append("<th scope=\"col\">Audited</th></tr></thead>\n<tbody>\n");
    if (r.accounts().isEmpty()) {
      out.append("<tr><td colspan=\"8\">No accounts known.</td></tr>\n");
    }
    for (int i = 0; i < Math.min(RANKED_ROWS, r.accounts().size()); i++) {
      RankedAccount a = r.accounts().get(i);
      out.append("<tr><td class=\"n\">").append(i + 1).append("</td><th scope=\"row\">");
      accountLink(out, a.account());
      out.append("</th><td class=\"n score\">").append(count(a.score())).append("</td>");
      for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
        out.append("<td class=\"n\">")
            .append(count(a.openBySeverity().getOrDefault(s, 0)))
            .append("</td>");
      }
      out.append("<td>")
          .append(a.audited() ? "yes" : "<strong class=\"up\">no</strong>")
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  // ---------------------------------------------------------------- trends

  private static void trends(StringBuilder out, WeeklyReport r) {
    List<TrendPoint> points = r.trends();
    List<String> labels = new ArrayList<>();
    points.forEach(p -> labels.add(shortWeek(p.isoWeek())));
    out.append("<section aria-labelledby=\"h-trends\">\n<h2 id=\"h-trends\">Trends over the last ")
        .append(points.size() == 1 ? "week" : points.size() + " weeks")
        .append("</h2>\n<div class=\"charts\">\n");

    List<SvgCharts.Series> series = new ArrayList<>();
    StringBuilder openDesc = new StringBuilder("Open findings per week by severity. ");
    for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
      List<Optional<Double>> values = new ArrayList<>();
      points.forEach(p -> values.add(p.open().map(m -> (double) m.getOrDefault(s, 0))));
      series.add(new SvgCharts.Series(capitalised(s), colour(s), dash(s), values));
      openDesc.append(capitalised(s)).append(": ").append(describe(values, false)).append(". ");
    }
    figure(
        out,
        SvgCharts.line(
            "chart-open",
            "Open findings by severity",
            openDesc.toString().trim(),
            labels,
            series,
            Optional.empty(),
            v -> count((int) Math.round(v)),
            960),
        "Open findings by severity, per week (latest audited run of each account).",
        true);

    List<Optional<Double>> mfa = new ArrayList<>();
    points.forEach(p -> mfa.add(p.mfaCoveragePercent()));
    figure(
        out,
        SvgCharts.line(
            "chart-mfa",
            "MFA coverage of console users",
            "Share of console users with MFA, per week: " + describe(mfa, true) + ".",
            labels,
            List.of(new SvgCharts.Series("MFA", "#0b4f8a", "", mfa)),
            Optional.of(100.0),
            v -> Math.round(v) + "%"),
        "MFA coverage: console users with MFA over all console users in the audited accounts.",
        false);

    List<Optional<Double>> keys = new ArrayList<>();
    points.forEach(
        p ->
            keys.add(
                p.hasData() || p.isoWeek().equals(r.isoWeek())
                    ? Optional.of((double) p.activeKeys())
                    : Optional.empty()));
    figure(
        out,
        SvgCharts.bars(
            "chart-keys",
            "Active long-term access keys",
            "Active IAM user access keys per week: " + describe(keys, false) + ".",
            labels,
            keys,
            "#5a3e8a",
            v -> count((int) Math.round(v))),
        "Active long-term access keys (IAM users) in the audited accounts.",
        false);
    out.append("</div>\n");

    out.append(
            "<table>\n<caption>Trend figures per week</caption>\n<thead><tr><th scope=\"col\">Week</th>")
        .append(
            "<th scope=\"col\" class=\"n\">Accounts with an audited run</th><th scope=\"col\" class=\"n\">Critical</th>")
        .append(
            "<th scope=\"col\" class=\"n\">High</th><th scope=\"col\" class=\"n\">Medium</th><th scope=\"col\" class=\"n\">Low</th>")
        .append(
            "<th scope=\"col\" class=\"n\">Console users with MFA</th><th scope=\"col\" class=\"n\">Active keys</th></tr></thead>\n<tbody>\n");
    for (TrendPoint p : points) {
      out.append("<tr><th scope=\"row\">");
      Html.append(out, p.isoWeek())
          .append("</th><td class=\"n\">")
          .append(count(p.accountsAudited()))
          .append("</td>");
      for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
        out.append("<td class=\"n\">")
            .append(p.open().map(m -> count(m.getOrDefault(s, 0))).orElse("—"))
            .append("</td>");
      }
      out.append("<td class=\"n\">")
          .append(p.mfaCoveragePercent().map(v -> percentValue(v) + "%").orElse("n/a"))
          .append(" <span class=\"muted\">(")
          .append(count(p.consoleUsersWithMfa()))
          .append("/")
          .append(count(p.consoleUsers()))
          .append(")</span></td><td class=\"n\">")
          .append(p.hasData() || p.isoWeek().equals(r.isoWeek()) ? count(p.activeKeys()) : "—")
          .append("</td></tr>\n");
    }
    out.append(
            "</tbody>\n</table>\n<p class=\"muted\">A dash means no account was audited that week. The report's own week ")
        .append(
            "shows the open findings as the table holds them now, so the chart ends at the headline numbers.</p>\n</section>\n");
  }

  private static void figure(StringBuilder out, String svg, String caption, boolean wide) {
    out.append(wide ? "<figure class=\"wide\">" : "<figure>").append(svg).append("<figcaption>");
    Html.append(out, caption).append("</figcaption></figure>\n");
  }

  private static String describe(List<Optional<Double>> values, boolean percent) {
    List<String> parts = new ArrayList<>();
    for (Optional<Double> v : values) {
      parts.add(
          v.map(d -> percent ? percentValue(d) + "%" : count((int) Math.round(d)))
              .orElse("no data"));
    }
    return String.join(", ", parts);
  }

  // ---------------------------------------------------------------- drill-down

  private static void drillDown(StringBuilder out, WeeklyReport r) {
    out.append(
            "<section aria-labelledby=\"h-accounts\">\n<h2 id=\"h-accounts\">Account details</h2>\n")
        .append("<p>Every known account, highest risk first. Each lists its ")
        .append(FINDINGS_PER_ACCOUNT)
        .append(" most severe open findings; findings.csv has all of them.</p>\n");
    int rank = 0;
    for (RankedAccount a : r.accounts()) {
      rank++;
      out.append("<details class=\"acct\" id=\"")
          .append(Html.anchor("acct-", a.account().id()))
          .append('"')
          .append(rank <= OPEN_DETAILS && a.openTotal() > 0 ? " open" : "")
          .append(">\n<summary><span class=\"rank\">#")
          .append(rank)
          .append("</span> <strong>");
      Html.append(out, a.account().label())
          .append("</strong> — score <span class=\"score\">")
          .append(count(a.score()))
          .append("</span> · ")
          .append(count(a.openTotal()))
          .append(a.openTotal() == 1 ? " open finding" : " open findings");
      List<String> parts = new ArrayList<>();
      for (Severity s : Severity.values()) {
        int n = a.openBySeverity().getOrDefault(s, 0);
        if (n > 0) {
          parts.add(count(n) + " " + s.label());
        }
      }
      if (!parts.isEmpty()) {
        out.append(" (").append(String.join(", ", parts)).append(')');
      }
      if (!a.audited()) {
        out.append(" <span class=\"tag\">not audited</span>");
      }
      out.append("</summary>\n<div>\n");
      a.notAuditedReason()
          .ifPresent(
              reason -> {
                out.append("<p class=\"warn\">Not audited this week: ");
                Html.append(out, reason)
                    .append(". The findings below are as of its last audit.</p>\n");
              });
      if (a.findings().isEmpty()) {
        out.append("<p>No open findings.</p>\n");
      } else {
        out.append("<table>\n<caption>Open findings of ");
        Html.append(out, a.account().label())
            .append("</caption>\n<thead><tr><th scope=\"col\">Severity</th>")
            .append(
                "<th scope=\"col\">Check</th><th scope=\"col\">Principal</th><th scope=\"col\">Finding</th>")
            .append(
                "<th scope=\"col\">Open since</th><th scope=\"col\">Deadline</th></tr></thead>\n<tbody>\n");
        int shown = Math.min(FINDINGS_PER_ACCOUNT, a.findings().size());
        for (int i = 0; i < shown; i++) {
          StoredFinding f = a.findings().get(i);
          out.append("<tr><td>");
          severity(out, f.severity());
          out.append("</td><td><code>");
          Html.append(out, f.checkId()).append("</code></td><th scope=\"row\">");
          Html.append(out, f.principal()).append("</th><td class=\"msg\">");
          Html.append(out, f.message())
              .append("</td><td class=\"d\">")
              .append(DAY.format(f.firstSeen()))
              .append("</td><td class=\"d\">")
              .append(f.deadline().map(DAY::format).orElse(""))
              .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (a.findings().size() > shown) {
          out.append("<p>And ")
              .append(count(a.findings().size() - shown))
              .append(" more open findings of lower or equal severity, in findings.csv.</p>\n");
        }
      }
      out.append("</div>\n</details>\n");
    }
    if (r.accounts().isEmpty()) {
      out.append("<p>No accounts known.</p>\n");
    }
    out.append("</section>\n");
  }

  // ---------------------------------------------------------------- helpers

  private static void accountLink(StringBuilder out, Account account) {
    out.append("<a href=\"#").append(Html.anchor("acct-", account.id())).append("\">");
    Html.append(out, account.label()).append("</a>");
  }

  private static void severity(StringBuilder out, Severity s) {
    out.append("<span class=\"sev sev-")
        .append(s.label())
        .append("\">")
        .append(s.label())
        .append("</span>");
  }

  private static void change(StringBuilder out, Optional<Integer> change) {
    if (change.isEmpty()) {
      out.append("<span class=\"flat\">—</span>");
      return;
    }
    int c = change.get();
    String kind = c > 0 ? "up" : c < 0 ? "down" : "flat";
    out.append("<span class=\"").append(kind).append("\">").append(signed(c)).append("</span>");
  }

  private static String changeText(Optional<Integer> change) {
    return change
        .map(c -> c == 0 ? "no change since last week" : signed(c) + " since last week")
        .orElse("no data for last week");
  }

  static String signed(int c) {
    return c > 0 ? "+" + count(c) : c < 0 ? MINUS + count(-c) : "±0";
  }

  static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String percentValue(double p) {
    return String.format(Locale.ROOT, "%.1f", p);
  }

  private static String shortWeek(String isoWeek) {
    int dash = isoWeek.indexOf("-W");
    return dash >= 0 ? isoWeek.substring(dash + 1) : isoWeek;
  }

  private static String capitalised(Severity s) {
    return s.label().substring(0, 1).toUpperCase(Locale.ROOT) + s.label().substring(1);
  }

  private static String colour(Severity s) {
    return switch (s) {
      case CRITICAL -> "#8e1b1b";
      case HIGH -> "#d1453b";
      case MEDIUM -> "#b36b00";
      case LOW -> "#1d4ed8";
      case INFO -> "#4b5563";
    };
  }

  private static String dash(Severity s) {
    return switch (s) {
      case CRITICAL -> "";
      case HIGH -> "7 4";
      case MEDIUM -> "2 4";
      case LOW -> "10 4 2 4";
      case INFO -> "1 2";
    };
  }
}
