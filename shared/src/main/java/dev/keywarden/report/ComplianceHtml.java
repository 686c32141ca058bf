package dev.keywarden.report;

import dev.keywarden.report.ComplianceView.ControlStatus;
import java.util.List;
import java.util.Optional;

/** The weekly page's compliance section: accounts passing, failing and not judged per control. */
final class ComplianceHtml {
  private ComplianceHtml() {}

  static void section(StringBuilder out, WeeklyReport report) {
    ComplianceView view = report.compliance();
    out.append(
        "<section aria-labelledby=\"h-compliance\">\n<h2 id=\"h-compliance\">Compliance by control</h2>\n");
    if (view.cis().isEmpty() && view.securityHub().isEmpty()) {
      out.append(
          "<p class=\"muted\">No run summaries this week, so no control could be judged.</p>\n</section>\n");
      return;
    }
    out.append(
        "<p class=\"muted\">Accounts per control, from each account's latest run this week. A control fails when any of its"
            + " checks has an open finding; it is <em>not judged</em> when a check could not run (or the account was not audited):"
            + " a skipped check is never a pass.</p>\n");
    out.append("<p data-metric=\"unused-roles\">Roles unused for the unused-days window: <strong>")
        .append(view.unusedRoles().map(HtmlReport::count).orElse("not judged"))
        .append("</strong>");
    if (view.unusedRoles().isPresent() && view.unusedRolesLastWeek().isPresent()) {
      out.append(" (")
          .append(HtmlReport.signed(view.unusedRoles().get() - view.unusedRolesLastWeek().get()))
          .append(" since last week)");
    }
    out.append("</p>\n<div class=\"charts\">\n");
    table(out, "CIS AWS Foundations v5.0.0", "compliance-cis", view.cis());
    table(out, "AWS Security Hub", "compliance-security-hub", view.securityHub());
    out.append("</div>\n</section>\n");
  }

  private static void table(
      StringBuilder out, String caption, String id, List<ControlStatus> controls) {
    out.append("<table id=\"").append(id).append("\">\n<caption>");
    Html.append(out, caption)
        .append(
            "</caption>\n<thead><tr><th scope=\"col\">Control</th><th scope=\"col\" class=\"n\">Pass</th>")
        .append(
            "<th scope=\"col\" class=\"n\">Fail</th><th scope=\"col\" class=\"n\">Not judged</th>")
        .append("<th scope=\"col\" class=\"n\">Fail vs last week</th></tr></thead>\n<tbody>\n");
    for (ControlStatus c : controls) {
      out.append("<tr data-control=\"");
      Html.append(out, c.control()).append("\"><th scope=\"row\">");
      Html.append(out, c.control()).append("<br><span class=\"muted\">");
      Html.append(out, String.join(", ", c.checkIds()))
          .append("</span></th><td class=\"n\">")
          .append(HtmlReport.count(c.pass()))
          .append("</td><td class=\"n\">")
          .append(
              c.fail() > 0
                  ? "<strong class=\"up\">" + HtmlReport.count(c.fail()) + "</strong>"
                  : "0")
          .append("</td><td class=\"n\">")
          .append(HtmlReport.count(c.notJudged()))
          .append("</td><td class=\"n\">");
      change(out, c.failChange());
      out.append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void change(StringBuilder out, Optional<Integer> change) {
    if (change.isEmpty()) {
      out.append("<span class=\"flat\">—</span>");
      return;
    }
    int c = change.get();
    String kind = c > 0 ? "up" : c < 0 ? "down" : "flat";
    out.append("<span class=\"")
        .append(kind)
        .append("\">")
        .append(HtmlReport.signed(c))
        .append("</span>");
  }
}
