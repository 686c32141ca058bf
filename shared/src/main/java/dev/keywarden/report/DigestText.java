package dev.keywarden.report;

import dev.keywarden.checks.Severity;
import dev.keywarden.report.WeeklyReport.CheckCount;
import dev.keywarden.report.WeeklyReport.KeyDue;
import dev.keywarden.report.WeeklyReport.NotAuditedAccount;
import dev.keywarden.report.WeeklyReport.RankedAccount;
import dev.keywarden.report.WeeklyReport.SeverityCount;
import dev.keywarden.report.WeeklyReport.TrendPoint;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The weekly e-mail: at most {@link #MAX_LINES} lines of plain text with the numbers that moved,
 * the gaps in coverage and where the full report is, because most readers decide from it whether to
 * open the report at all.
 */
public final class DigestText {
  /** The digest never has more lines than this. */
  public static final int MAX_LINES = 15;

  /** Not-audited accounts named one per line; the rest are counted. */
  static final int NAMED_NOT_AUDITED = 3;

  private static final int CLIP = 120;
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private DigestText() {}

  public static String render(WeeklyReport r, String reportLocation) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Keywarden weekly IAM report "
            + clean(r.isoWeek())
            + " (generated "
            + MINUTE.format(r.generatedAt())
            + ")");

    List<NotAuditedAccount> missing = r.coverage().notAudited();
    lines.add(
        "Coverage: "
            + n(r.coverage().audited().size())
            + " of "
            + n(r.coverage().known())
            + " accounts audited"
            + (missing.isEmpty() ? "; none missed." : "; NOT AUDITED: " + n(missing.size()) + ":"));
    for (int i = 0; i < Math.min(NAMED_NOT_AUDITED, missing.size()); i++) {
      NotAuditedAccount m = missing.get(i);
      lines.add("  - " + clip(clean(m.account().label()) + ": " + clean(m.reason())));
    }
    if (missing.size() > NAMED_NOT_AUDITED) {
      lines.add(
          "  - and " + n(missing.size() - NAMED_NOT_AUDITED) + " more (listed in the report)");
    }

    lines.add("Root user findings: " + n(r.rootFindings().size()) + " open.");

    StringBuilder open = new StringBuilder("Open findings: ").append(n(r.openTotal()));
    r.openTotalLastWeek()
        .ifPresent(
            p -> open.append(" (").append(signed(r.openTotal() - p)).append(" since last week)"));
    List<String> severities = new ArrayList<>();
    for (SeverityCount c : r.bySeverity()) {
      if (c.severity() != Severity.INFO) {
        severities.add(
            c.severity().label()
                + " "
                + n(c.open())
                + c.change().map(d -> " (" + signed(d) + ")").orElse(""));
      }
    }
    open.append(": ").append(String.join(", ", severities)).append('.');
    lines.add(open.toString());

    if (r.lastWeekKnown()) {
      List<CheckCount> moved =
          r.byCheck().stream()
              .filter(c -> c.change().orElse(0) != 0)
              .sorted(
                  Comparator.comparingInt((CheckCount c) -> -Math.abs(c.change().orElse(0)))
                      .thenComparing(CheckCount::checkId))
              .limit(4)
              .toList();
      lines.add(
          moved.isEmpty()
              ? "No check moved since last week."
              : "Moved most: "
                  + String.join(
                      ", ",
                      moved.stream()
                          .map(c -> c.checkId() + " " + signed(c.change().get()))
                          .toList())
                  + ".");
    } else {
      lines.add("No run last week to compare with.");
    }

    WeeklyReport.Activity a = r.activity();
    lines.add(
        "This week: "
            + n(a.opened())
            + " new, "
            + n(a.resolved())
            + " resolved, "
            + n(a.deactivated())
            + " keys deactivated"
            + (a.wouldDeactivate() > 0
                ? ", " + n(a.wouldDeactivate()) + " would be deactivated (dry run; still active)"
                : "")
            + (a.deferred() > 0 ? ", " + n(a.deferred()) + " deferred by the cap" : "")
            + ".");

    long overdue = r.keysDue().stream().filter(KeyDue::overdue).count();
    lines.add(
        "Keys due for deactivation in the next 7 days: "
            + n(r.keysDue().size())
            + (overdue > 0 ? " (" + n((int) overdue) + " already overdue)" : "")
            + ".");

    TrendPoint now = r.thisWeek();
    Optional<TrendPoint> before =
        r.trends().size() > 1
            ? Optional.of(r.trends().get(r.trends().size() - 2)).filter(TrendPoint::hasData)
            : Optional.empty();
    String mfa =
        now.mfaCoveragePercent()
            .map(
                p ->
                    String.format(Locale.ROOT, "%.1f%%", p)
                        + before
                            .flatMap(TrendPoint::mfaCoveragePercent)
                            .map(b -> " (" + points(p - b) + ")")
                            .orElse(""))
            .orElse("n/a (no console users)");
    lines.add(
        "MFA coverage of console users: "
            + mfa
            + "; active long-term keys: "
            + n(now.activeKeys())
            + before.map(b -> " (" + signed(now.activeKeys() - b.activeKeys()) + ")").orElse("")
            + ".");

    List<String> top = new ArrayList<>();
    for (RankedAccount ra : r.accounts().subList(0, Math.min(3, r.accounts().size()))) {
      if (ra.score() > 0) {
        top.add(clip(clean(ra.account().label())) + " (" + n(ra.score()) + ")");
      }
    }
    if (!top.isEmpty()) {
      lines.add("Highest risk: " + String.join(", ", top) + ".");
    }
    lines.add("Full report: " + clean(reportLocation));
    return String.join("\n", lines) + "\n";
  }

  /** Text from people, on one line and without control characters. */
  private static String clean(String text) {
    return FindingsOutput.printable(text).replace('\u2028', ' ').replace('\u2029', ' ');
  }

  private static String clip(String text) {
    return text.length() <= CLIP ? text : text.substring(0, CLIP - 3) + "...";
  }

  private static String n(int v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  private static String signed(int d) {
    return d > 0 ? "+" + n(d) : d < 0 ? "-" + n(-d) : "±0";
  }

  private static String points(double d) {
    return String.format(Locale.ROOT, "%s%.1f points", d >= 0 ? "+" : "-", Math.abs(d));
  }
}
