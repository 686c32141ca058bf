package dev.keywarden.report;

import dev.keywarden.checks.Check;
import dev.keywarden.checks.CheckCatalog;
import dev.keywarden.checks.CheckTrait;
import dev.keywarden.checks.Severity;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.report.WeeklyReport.Account;
import dev.keywarden.report.WeeklyReport.Activity;
import dev.keywarden.report.WeeklyReport.AuditedAccount;
import dev.keywarden.report.WeeklyReport.CheckCount;
import dev.keywarden.report.WeeklyReport.Coverage;
import dev.keywarden.report.WeeklyReport.KeyDue;
import dev.keywarden.report.WeeklyReport.NotAuditedAccount;
import dev.keywarden.report.WeeklyReport.RankedAccount;
import dev.keywarden.report.WeeklyReport.RootFinding;
import dev.keywarden.report.WeeklyReport.SeverityCount;
import dev.keywarden.report.WeeklyReport.TrendPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Derives the weekly report from run summaries and open findings, by rules written down here and in
 * {@code docs/report.md}, so that every number on the page can be traced to its source.
 *
 * <ul>
 *   <li><b>Latest run.</b> Where a rule speaks of an account's latest run in a week, it is the
 *       summary with the greatest {@code at} (ties: greatest run id). Its "latest audited run" is
 *       the latest among the summaries with {@code audited = true}.
 *   <li><b>Known accounts</b> are those with a summary this week, those the dispatcher expected
 *       this week, those with a summary last week and those holding open findings.
 *   <li><b>Coverage.</b> A known account is audited when its latest run this week audited it.
 *       Otherwise it is listed by name as not audited, with its latest run's failure, or {@code no
 *       run this week} when the week has no summary for it, and with the last time any given
 *       summary audited it.
 *   <li><b>Root findings</b> are the open findings whose check id starts with {@code root-}, by
 *       account id, then severity and check.
 *   <li><b>Open counts now</b> (per severity, per check, per account) count the open findings as
 *       the table holds them: an account not audited this week keeps the findings of its last
 *       audit, plus its {@code account-not-audited} finding.
 *   <li><b>Change since last week</b> compares those with last week's figures: the sum, over
 *       accounts, of the open counts of each account's latest audited run last week (an account
 *       never audited last week adds nothing). Without any summary last week the change is unknown,
 *       not zero.
 *   <li><b>This week</b> sums {@code opened}, {@code resolved}, {@code deactivated}, {@code
 *       deferred} and {@code notices} over every run of the week, not only the latest per account.
 *   <li><b>Keys due next week</b> are open {@code key-rotation-due} and {@code key-expired}
 *       findings whose deadline is at or before {@code generatedAt} + 7 days (already passed:
 *       overdue), by deadline; the owner comes from the owners map under {@code
 *       accountId/principal}, else {@code unknown}.
 *   <li><b>Risk score</b> of an account: 40 per open critical finding, 10 per high, 3 per medium, 1
 *       per low, 0 per info, plus 50 when it was not audited this week. Ranked by score, highest
 *       first; ties by account id.
 *   <li><b>Trends</b> take the last 8 weeks up to the report's week (the given trend weeks, sorted,
 *       plus the report's week from {@code weekRuns} when missing). For each week and account the
 *       latest audited run counts: open findings per severity, console users and those with MFA,
 *       active keys. MFA coverage is the sum of console users with MFA over the sum of console
 *       users (none when there are no console users). The report's own week plots the open counts
 *       above, so that the chart ends at the headline.
 * </ul>
 */
public final class WeeklyReportBuilder {
  /** Risk points per open finding of each severity. */
  public static final Map<Severity, Integer> RISK_POINTS =
      Map.of(
          Severity.CRITICAL,
          40,
          Severity.HIGH,
          10,
          Severity.MEDIUM,
          3,
          Severity.LOW,
          1,
          Severity.INFO,
          0);

  /** Risk points added for an account not audited this week. */
  public static final int NOT_AUDITED_POINTS = 50;

  /** How far after {@code generatedAt} a deadline counts as due next week. */
  public static final Duration DUE_WINDOW = Duration.ofDays(7);

  /** Weeks shown in the trends, the report's own included. */
  public static final int TREND_WEEKS = 8;

  static final String NO_RUN = "no run this week";

  private static final Comparator<RunSummary> LATEST =
      Comparator.comparing(RunSummary::at).thenComparing(RunSummary::runId);
  private static final Comparator<StoredFinding> FINDING_ORDER =
      Comparator.comparing(StoredFinding::severity)
          .thenComparing(StoredFinding::checkId)
          .thenComparing(StoredFinding::principal)
          .thenComparing(StoredFinding::resourceId);

  private WeeklyReportBuilder() {}

  public static WeeklyReport build(ReportInput input) {
    Map<String, RunSummary> latest = latest(input.weekRuns(), false);
    Map<String, RunSummary> lastWeek = latest(input.previousWeekRuns(), true);
    Map<String, List<StoredFinding>> findingsByAccount = new HashMap<>();
    for (StoredFinding f : input.openFindings()) {
      findingsByAccount.computeIfAbsent(f.accountId(), a -> new ArrayList<>()).add(f);
    }

    Set<String> known = new TreeSet<>(latest.keySet());
    known.addAll(input.expectedAccounts());
    input.previousWeekRuns().forEach(s -> known.add(s.accountId()));
    known.addAll(findingsByAccount.keySet());

    Coverage coverage = coverage(input, known, latest);
    Map<String, String> notAuditedReasons = new HashMap<>();
    coverage.notAudited().forEach(n -> notAuditedReasons.put(n.account().id(), n.reason()));

    boolean lastWeekKnown = !input.previousWeekRuns().isEmpty();
    Map<Severity, Integer> openBySeverity = countBySeverity(input.openFindings());
    List<TrendPoint> trends = trends(input, openBySeverity);
    return new WeeklyReport(
        input.isoWeek(),
        input.generatedAt(),
        coverage,
        rootFindings(input),
        bySeverity(openBySeverity, lastWeek, lastWeekKnown),
        byCheck(input.openFindings(), lastWeek, lastWeekKnown),
        activity(input.weekRuns()),
        keysDue(input),
        ranked(input, known, findingsByAccount, notAuditedReasons),
        trends,
        lastWeekKnown,
        ComplianceView.of(input));
  }

  /** Each account's latest summary, or latest audited summary, among {@code runs}. */
  static Map<String, RunSummary> latest(Collection<RunSummary> runs, boolean auditedOnly) {
    Map<String, RunSummary> latest = new HashMap<>();
    for (RunSummary run : runs) {
      if (auditedOnly && !run.audited()) {
        continue;
      }
      latest.merge(run.accountId(), run, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
    }
    return latest;
  }

  private static Account account(ReportInput input, String id) {
    return new Account(
        id, Optional.ofNullable(input.accountNames().get(id)).filter(n -> !n.isBlank()));
  }

  private static Coverage coverage(
      ReportInput input, Set<String> known, Map<String, RunSummary> latest) {
    List<RunSummary> everything = new ArrayList<>(input.weekRuns());
    everything.addAll(input.previousWeekRuns());
    input.trendWeeks().values().forEach(everything::addAll);
    Map<String, RunSummary> lastAudited = latest(everything, true);
    List<AuditedAccount> audited = new ArrayList<>();
    List<NotAuditedAccount> notAudited = new ArrayList<>();
    for (String id : known) {
      RunSummary run = latest.get(id);
      if (run != null && run.audited()) {
        audited.add(new AuditedAccount(account(input, id), run.at()));
      } else {
        String reason =
            run == null
                ? NO_RUN
                : run.failure()
                    .filter(f -> !f.isBlank())
                    .orElse("not audited (no reason recorded)");
        notAudited.add(
            new NotAuditedAccount(
                account(input, id),
                reason,
                Optional.ofNullable(lastAudited.get(id)).map(RunSummary::at)));
      }
    }
    return new Coverage(audited, notAudited);
  }

  private static List<RootFinding> rootFindings(ReportInput input) {
    return input.openFindings().stream()
        .filter(f -> CheckCatalog.has(f.checkId(), CheckTrait.ROOT))
        .sorted(Comparator.comparing(StoredFinding::accountId).thenComparing(FINDING_ORDER))
        .map(f -> new RootFinding(account(input, f.accountId()), f))
        .toList();
  }

  private static Map<Severity, Integer> countBySeverity(Collection<StoredFinding> findings) {
    Map<Severity, Integer> counts = zeroes();
    findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    return counts;
  }

  private static Map<Severity, Integer> zeroes() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    return counts;
  }

  /** Sums the open counts per severity of the given summaries. */
  private static Map<Severity, Integer> summedSeverities(Collection<RunSummary> summaries) {
    Map<Severity, Integer> counts = zeroes();
    for (RunSummary s : summaries) {
      s.openBySeverity().forEach((severity, n) -> counts.merge(severity, n, Integer::sum));
    }
    return counts;
  }

  private static List<SeverityCount> bySeverity(
      Map<Severity, Integer> now, Map<String, RunSummary> lastWeek, boolean lastWeekKnown) {
    Map<Severity, Integer> previous = summedSeverities(lastWeek.values());
    List<SeverityCount> out = new ArrayList<>();
    for (Severity s : Severity.values()) {
      out.add(
          new SeverityCount(
              s, now.get(s), lastWeekKnown ? Optional.of(previous.get(s)) : Optional.empty()));
    }
    return out;
  }

  private static List<CheckCount> byCheck(
      List<StoredFinding> open, Map<String, RunSummary> lastWeek, boolean lastWeekKnown) {
    Map<String, Integer> now = new HashMap<>();
    Map<String, StoredFinding> sample = new HashMap<>();
    for (StoredFinding f : open) {
      now.merge(f.checkId(), 1, Integer::sum);
      sample.putIfAbsent(f.checkId(), f);
    }
    Map<String, Integer> previous = new HashMap<>();
    lastWeek
        .values()
        .forEach(s -> s.openByCheck().forEach((id, n) -> previous.merge(id, n, Integer::sum)));

    Map<String, Integer> order = new HashMap<>();
    List<Check> catalog = CheckCatalog.all();
    for (int i = 0; i < catalog.size(); i++) {
      order.put(catalog.get(i).metadata().id(), i);
    }
    Set<String> ids =
        new TreeSet<>(
            Comparator.<String>comparingInt(id -> order.getOrDefault(id, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder()));
    ids.addAll(now.keySet());
    previous.forEach(
        (id, n) -> {
          if (n > 0) {
            ids.add(id);
          }
        });
    List<CheckCount> out = new ArrayList<>();
    for (String id : ids) {
      Optional<Check> check = CheckCatalog.byId(id);
      StoredFinding any = sample.get(id);
      String title = check.map(c -> c.metadata().title()).orElse(any == null ? id : any.title());
      Severity severity =
          check
              .map(c -> c.metadata().severity())
              .orElse(any == null ? Severity.INFO : any.severity());
      out.add(
          new CheckCount(
              id,
              title,
              severity,
              now.getOrDefault(id, 0),
              lastWeekKnown ? Optional.of(previous.getOrDefault(id, 0)) : Optional.empty()));
    }
    return out;
  }

  private static Activity activity(List<RunSummary> runs) {
    int opened = 0;
    int resolved = 0;
    int deactivated = 0;
    int deferred = 0;
    int notices = 0;
    int wouldDeactivate = 0;
    for (RunSummary s : runs) {
      wouldDeactivate += s.wouldDeactivate();
      opened += s.opened();
      resolved += s.resolved();
      deactivated += s.deactivated();
      deferred += s.deferred();
      notices += s.notices();
    }
    return new Activity(
        runs.size(), opened, resolved, deactivated, deferred, notices, wouldDeactivate);
  }

  private static List<KeyDue> keysDue(ReportInput input) {
    Instant until = input.generatedAt().plus(DUE_WINDOW);
    List<KeyDue> due = new ArrayList<>();
    for (StoredFinding f : input.openFindings()) {
      if (!CheckCatalog.has(f.checkId(), CheckTrait.KEY_DEADLINE)
          || f.deadline().isEmpty()
          || f.deadline().get().isAfter(until)) {
        continue;
      }
      Instant deadline = f.deadline().get();
      String owner =
          Optional.ofNullable(
                  input.owners().get(ReportInput.ownerKey(f.accountId(), f.principal())))
              .filter(o -> !o.isBlank())
              .orElse("unknown");
      due.add(
          new KeyDue(
              account(input, f.accountId()),
              f.principal(),
              f.checkId(),
              f.resourceId(),
              deadline,
              owner,
              deadline.isBefore(input.generatedAt())));
    }
    due.sort(
        Comparator.comparing(KeyDue::deadline)
            .thenComparing(k -> k.account().id())
            .thenComparing(KeyDue::principal)
            .thenComparing(KeyDue::resourceId));
    return due;
  }

  private static List<RankedAccount> ranked(
      ReportInput input,
      Set<String> known,
      Map<String, List<StoredFinding>> findingsByAccount,
      Map<String, String> notAuditedReasons) {
    List<RankedAccount> ranked = new ArrayList<>(known.size());
    for (String id : known) {
      List<StoredFinding> findings = new ArrayList<>(findingsByAccount.getOrDefault(id, List.of()));
      findings.sort(FINDING_ORDER);
      Map<Severity, Integer> counts = countBySeverity(findings);
      Optional<String> reason = Optional.ofNullable(notAuditedReasons.get(id));
      ranked.add(
          new RankedAccount(
              account(input, id), score(counts, reason.isEmpty()), counts, reason, findings));
    }
    ranked.sort(
        Comparator.comparingInt(RankedAccount::score)
            .reversed()
            .thenComparing(r -> r.account().id()));
    return ranked;
  }

  /** The risk score of an account with these open counts (see the class comment). */
  public static int score(Map<Severity, Integer> openBySeverity, boolean audited) {
    int score = audited ? 0 : NOT_AUDITED_POINTS;
    for (Map.Entry<Severity, Integer> e : openBySeverity.entrySet()) {
      score += RISK_POINTS.get(e.getKey()) * e.getValue();
    }
    return score;
  }

  private static List<TrendPoint> trends(ReportInput input, Map<Severity, Integer> openNow) {
    TreeMap<String, List<RunSummary>> weeks = new TreeMap<>();
    input
        .trendWeeks()
        .forEach(
            (week, runs) -> {
              if (week.compareTo(input.isoWeek()) < 0) {
                weeks.put(week, runs);
              }
            });
    weeks.put(input.isoWeek(), input.trendWeeks().getOrDefault(input.isoWeek(), input.weekRuns()));
    while (weeks.size() > TREND_WEEKS) {
      weeks.pollFirstEntry();
    }
    List<TrendPoint> points = new ArrayList<>();
    for (Map.Entry<String, List<RunSummary>> week : weeks.entrySet()) {
      Collection<RunSummary> audited = latest(week.getValue(), true).values();
      int console = 0;
      int withMfa = 0;
      int keys = 0;
      for (RunSummary s : audited) {
        console += s.consoleUsers();
        withMfa += s.consoleUsersWithMfa();
        keys += s.activeKeys();
      }
      boolean reportWeek = week.getKey().equals(input.isoWeek());
      Optional<Map<Severity, Integer>> open =
          reportWeek
              ? Optional.of(openNow)
              : audited.isEmpty() ? Optional.empty() : Optional.of(summedSeverities(audited));
      points.add(new TrendPoint(week.getKey(), audited.size(), open, console, withMfa, keys));
    }
    return points;
  }
}
