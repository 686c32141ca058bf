package dev.keywarden.report;

import static dev.keywarden.report.ReportFixtures.GENERATED;
import static dev.keywarden.report.ReportFixtures.LAST_WEEK;
import static dev.keywarden.report.ReportFixtures.WEEK;
import static dev.keywarden.report.ReportFixtures.WEEK_START;
import static dev.keywarden.report.ReportFixtures.finding;
import static dev.keywarden.report.ReportFixtures.input;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.Severity;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.report.ReportFixtures.Run;
import dev.keywarden.report.WeeklyReport.KeyDue;
import dev.keywarden.report.WeeklyReport.NotAuditedAccount;
import dev.keywarden.report.WeeklyReport.RankedAccount;
import dev.keywarden.report.WeeklyReport.TrendPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeeklyReportBuilderTest {
  private static final String A = "111111111111";
  private static final String B = "222222222222";
  private static final String C = "333333333333";
  private static final Instant MON = WEEK_START.plus(Duration.ofHours(6));
  private static final Instant SAT = WEEK_START.plus(Duration.ofDays(5)).plus(Duration.ofHours(6));
  private static final Instant LAST_MON = MON.minus(Duration.ofDays(7));

  private static WeeklyReport build(
      List<RunSummary> week, List<RunSummary> lastWeek, List<StoredFinding> open) {
    return WeeklyReportBuilder.build(input(week, lastWeek, Map.of(), open));
  }

  private static ReportInput withAccounts(
      ReportInput in, Map<String, String> names, Set<String> expected, Map<String, String> owners) {
    return new ReportInput(
        in.isoWeek(),
        in.generatedAt(),
        in.weekRuns(),
        in.previousWeekRuns(),
        in.trendWeeks(),
        in.openFindings(),
        names,
        expected,
        owners);
  }

  // ------------------------------------------------------------------ coverage

  @Test
  void build_whenLatestRunAudited_listsTheAccountAsAudited() {
    WeeklyReport report = build(List.of(Run.of(A, MON).build()), List.of(), List.of());

    assertThat(report.coverage().audited()).extracting(a -> a.account().id()).containsExactly(A);
    assertThat(report.coverage().notAudited()).isEmpty();
  }

  @Test
  void build_whenLatestRunFailed_namesTheAccountWithItsFailure() {
    WeeklyReport report =
        WeeklyReportBuilder.build(
            withAccounts(
                input(
                    List.of(
                        Run.of(A, MON).build(),
                        Run.of(A, SAT).failed("AccessDenied assuming the role").build()),
                    List.of(),
                    Map.of(),
                    List.of()),
                Map.of(A, "payments-prod"),
                Set.of(),
                Map.of()));

    NotAuditedAccount missing = report.coverage().notAudited().get(0);
    assertThat(missing.account().label()).isEqualTo("payments-prod (111111111111)");
    assertThat(missing.reason()).isEqualTo("AccessDenied assuming the role");
    assertThat(missing.lastAudited()).contains(MON);
    assertThat(report.coverage().audited()).isEmpty();
  }

  @Test
  void build_whenAFailedRunIsFollowedByASuccessfulOne_countsTheAccountAsAudited() {
    WeeklyReport report =
        build(
            List.of(Run.of(A, MON).failed("throttled").build(), Run.of(A, SAT).build()),
            List.of(),
            List.of());

    assertThat(report.coverage().audited()).hasSize(1);
    assertThat(report.coverage().notAudited()).isEmpty();
  }

  @Test
  void build_whenAnExpectedAccountHasNoRun_saysNoRunThisWeek() {
    WeeklyReport report =
        WeeklyReportBuilder.build(
            withAccounts(
                input(List.of(Run.of(A, MON).build()), List.of(), Map.of(), List.of()),
                Map.of(B, "data-lake"),
                Set.of(A, B),
                Map.of()));

    assertThat(report.coverage().notAudited())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.account().label()).isEqualTo("data-lake (222222222222)");
              assertThat(n.reason()).isEqualTo("no run this week");
              assertThat(n.lastAudited()).isEmpty();
            });
  }

  @Test
  void build_whenAnAccountRanLastWeekButNotThisWeek_saysNoRunThisWeek() {
    WeeklyReport report =
        build(
            List.of(Run.of(A, MON).build()),
            List.of(Run.of(A, LAST_MON).build(), Run.of(B, LAST_MON).build()),
            List.of());

    assertThat(report.coverage().notAudited())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.account().id()).isEqualTo(B);
              assertThat(n.reason()).isEqualTo("no run this week");
              assertThat(n.lastAudited()).contains(LAST_MON);
            });
  }

  @Test
  void build_whenAnAccountOnlyHoldsOpenFindings_listsItAsNotAudited() {
    WeeklyReport report =
        build(List.of(), List.of(), List.of(finding(C, "key-unused", "bob", "unused")));

    assertThat(report.coverage().notAudited()).extracting(n -> n.account().id()).containsExactly(C);
  }

  @Test
  void build_whenAFailedRunHasNoReason_saysSo() {
    RunSummary failed = RunSummary.builder(A, "r", MON).audited(false).build();

    assertThat(build(List.of(failed), List.of(), List.of()).coverage().notAudited().get(0).reason())
        .contains("no reason recorded");
  }

  @Test
  void build_whenTwoRunsShareTheirTime_takesTheGreaterRunIdAsLatest() {
    WeeklyReport report =
        build(
            List.of(
                Run.of(A, MON).runId("b").failed("late failure").build(),
                Run.of(A, MON).runId("a").build()),
            List.of(),
            List.of());

    assertThat(report.coverage().notAudited())
        .extracting(NotAuditedAccount::reason)
        .containsExactly("late failure");
  }

  // ------------------------------------------------------------------ root findings and counts

  @Test
  void build_listsRootFindingsByAccountThenSeverity() {
    WeeklyReport report =
        build(
            List.of(),
            List.of(),
            List.of(
                finding(B, "root-no-hardware-mfa", "<root_account>", "virtual"),
                finding(A, "root-recently-used", "<root_account>", "used"),
                finding(B, "root-access-key", "<root_account>", "key"),
                finding(A, "key-expired", "bob", "old")));

    assertThat(report.rootFindings())
        .extracting(r -> r.account().id() + " " + r.finding().checkId())
        .containsExactly(
            A + " root-recently-used", B + " root-access-key", B + " root-no-hardware-mfa");
  }

  @Test
  void build_comparesOpenCountsWithLastWeeksLatestAuditedRuns() {
    List<RunSummary> lastWeek =
        List.of(
            Run.of(A, LAST_MON).check("key-expired", 5).build(),
            Run.of(A, LAST_MON.plus(Duration.ofDays(1))).check("key-expired", 3).build(),
            Run.of(A, LAST_MON.plus(Duration.ofDays(2))).failed("throttled").build(),
            Run.of(B, LAST_MON).check("root-access-key", 1).build());
    WeeklyReport report =
        build(
            List.of(),
            lastWeek,
            List.of(finding(A, "key-expired", "u1", "m"), finding(A, "key-unused", "u2", "m")));

    assertThat(report.bySeverity())
        .filteredOn(c -> c.severity() == Severity.HIGH)
        .singleElement()
        .satisfies(c -> assertThat(c.change()).contains(1 - 3));
    assertThat(report.bySeverity())
        .filteredOn(c -> c.severity() == Severity.CRITICAL)
        .singleElement()
        .satisfies(c -> assertThat(c.change()).contains(-1));
    assertThat(report.byCheck())
        .extracting(c -> c.checkId() + "=" + c.open() + c.lastWeek().map(p -> "/" + p).orElse(""))
        .containsExactly("key-expired=1/3", "key-unused=1/0", "root-access-key=0/1");
    assertThat(report.openTotalLastWeek()).contains(4);
  }

  @Test
  void build_whenNoRunLastWeek_leavesTheChangeUnknown() {
    WeeklyReport report =
        build(List.of(), List.of(), List.of(finding(A, "key-expired", "u1", "m")));

    assertThat(report.lastWeekKnown()).isFalse();
    assertThat(report.bySeverity()).allSatisfy(c -> assertThat(c.change()).isEmpty());
    assertThat(report.openTotalLastWeek()).isEmpty();
  }

  @Test
  void build_listsEverySeverityMostUrgentFirst() {
    assertThat(build(List.of(), List.of(), List.of()).bySeverity())
        .extracting(WeeklyReport.SeverityCount::severity)
        .containsExactly(Severity.values());
  }

  @Test
  void build_sumsActivityOverEveryRunOfTheWeek() {
    WeeklyReport report =
        build(
            List.of(
                Run.of(A, MON).activity(3, 1, 2, 1, 4).build(),
                Run.of(A, SAT).activity(1, 2, 0, 0, 1).build(),
                Run.of(B, SAT).activity(5, 0, 1, 0, 0).build()),
            List.of(),
            List.of());

    assertThat(report.activity()).isEqualTo(new WeeklyReport.Activity(3, 9, 3, 3, 1, 5));
  }

  // ------------------------------------------------------------------ keys due next week

  @ParameterizedTest(name = "deadline {0} from the report: due={1}, overdue={2}")
  @CsvSource({
    "PT0S, true, false",
    "-PT1S, true, true",
    "-P30D, true, true",
    "PT1S, true, false",
    "P7D, true, false",
    "PT168H0M1S, false, false",
    "P8D, false, false"
  })
  void build_keysDue_windowIsSevenDaysAfterGeneration(String offset, boolean due, boolean overdue) {
    Instant deadline = GENERATED.plus(Duration.parse(offset));
    WeeklyReport report =
        build(
            List.of(),
            List.of(),
            List.of(finding(A, "key-rotation-due", "bob", "due", Optional.of(deadline))));

    assertThat(report.keysDue()).hasSize(due ? 1 : 0);
    report.keysDue().forEach(k -> assertThat(k.overdue()).isEqualTo(overdue));
  }

  @Test
  void build_keysDue_onlyCountsKeyDeadlineChecks() {
    Optional<Instant> soon = Optional.of(GENERATED.plus(Duration.ofDays(1)));
    WeeklyReport report =
        build(
            List.of(),
            List.of(),
            List.of(
                finding(A, "key-expired", "a", "expired", soon),
                finding(A, "key-unused", "b", "unused", soon),
                finding(A, "key-rotation-due", "c", "no deadline")));

    assertThat(report.keysDue()).extracting(KeyDue::principal).containsExactly("a");
  }

  @Test
  void build_keysDue_namesTheOwnerOrUnknown_byDeadline() {
    ReportInput in =
        withAccounts(
            input(
                List.of(),
                List.of(),
                Map.of(),
                List.of(
                    finding(
                        A,
                        "key-expired",
                        "late",
                        "m",
                        Optional.of(GENERATED.plus(Duration.ofDays(3)))),
                    finding(
                        A,
                        "key-expired",
                        "early",
                        "m",
                        Optional.of(GENERATED.plus(Duration.ofDays(1)))))),
            Map.of(),
            Set.of(),
            Map.of(A + "/late", "team@example.com"));

    assertThat(WeeklyReportBuilder.build(in).keysDue())
        .extracting(k -> k.principal() + ":" + k.owner())
        .containsExactly("early:unknown", "late:team@example.com");
  }

  // ------------------------------------------------------------------ risk

  @Test
  void score_weighsSeveritiesAndAddsFiftyWhenNotAudited() {
    Map<Severity, Integer> open =
        Map.of(
            Severity.CRITICAL,
            1,
            Severity.HIGH,
            2,
            Severity.MEDIUM,
            3,
            Severity.LOW,
            4,
            Severity.INFO,
            9);

    assertThat(WeeklyReportBuilder.score(open, true)).isEqualTo(40 + 20 + 9 + 4);
    assertThat(WeeklyReportBuilder.score(open, false)).isEqualTo(40 + 20 + 9 + 4 + 50);
  }

  @Test
  void build_ranksAccountsByScoreThenAccountId() {
    WeeklyReport report =
        build(
            List.of(Run.of(A, MON).build(), Run.of(B, MON).build(), Run.of(C, MON).build()),
            List.of(),
            List.of(
                finding(C, "key-expired", "x", "m"),
                finding(B, "key-expired", "x", "m"),
                finding(A, "key-unused", "x", "m"),
                finding(A, "key-rotation-due", "y", "m")));

    assertThat(report.accounts())
        .extracting(r -> r.account().id() + "=" + r.score())
        .containsExactly(B + "=10", C + "=10", A + "=4");
  }

  @Test
  void build_ranksANotAuditedAccountAboveOneWithFewFindings() {
    WeeklyReport report =
        build(
            List.of(Run.of(A, MON).build(), Run.of(B, MON).failed("denied").build()),
            List.of(),
            List.of(finding(A, "root-access-key", "<root_account>", "m")));

    assertThat(report.accounts())
        .extracting(r -> r.account().id() + "=" + r.score())
        .containsExactly(B + "=50", A + "=40");
    assertThat(report.accounts().get(0).notAuditedReason()).contains("denied");
  }

  @Test
  void build_drillDownListsAnAccountsFindingsMostSevereFirst() {
    WeeklyReport report =
        build(
            List.of(Run.of(A, MON).build()),
            List.of(),
            List.of(
                finding(A, "key-unused", "b", "m"),
                finding(A, "root-access-key", "<root_account>", "m"),
                finding(A, "key-expired", "a", "m")));

    RankedAccount a = report.accounts().get(0);
    assertThat(a.findings())
        .extracting(StoredFinding::checkId)
        .containsExactly("root-access-key", "key-expired", "key-unused");
    assertThat(a.openBySeverity())
        .containsEntry(Severity.CRITICAL, 1)
        .containsEntry(Severity.INFO, 0);
  }

  // ------------------------------------------------------------------ trends

  @Test
  void build_trends_takeTheLatestAuditedRunPerAccountPerWeek() {
    Map<String, List<RunSummary>> trends = new LinkedHashMap<>();
    trends.put(
        LAST_WEEK,
        List.of(
            Run.of(A, LAST_MON).check("key-expired", 4).console(10, 5).keys(20).build(),
            Run.of(A, LAST_MON.plus(Duration.ofDays(2)))
                .check("key-expired", 2)
                .console(10, 8)
                .keys(18)
                .build(),
            Run.of(A, LAST_MON.plus(Duration.ofDays(3))).failed("denied").build(),
            Run.of(B, LAST_MON).console(0, 0).keys(3).build()));
    WeeklyReport report =
        WeeklyReportBuilder.build(input(List.of(), trends.get(LAST_WEEK), trends, List.of()));

    TrendPoint last = report.trends().get(0);
    assertThat(last.isoWeek()).isEqualTo(LAST_WEEK);
    assertThat(last.accountsAudited()).isEqualTo(2);
    assertThat(last.open()).hasValueSatisfying(m -> assertThat(m).containsEntry(Severity.HIGH, 2));
    assertThat(last.activeKeys()).isEqualTo(21);
    assertThat(last.mfaCoveragePercent()).contains(80.0);
  }

  @Test
  void build_trends_endWithTheReportWeekShowingTheHeadlineCounts() {
    Map<String, List<RunSummary>> trends = Map.of(LAST_WEEK, List.of(Run.of(A, LAST_MON).build()));
    WeeklyReport report =
        WeeklyReportBuilder.build(
            input(
                List.of(Run.of(A, MON).check("key-expired", 7).keys(4).build()),
                List.of(),
                trends,
                List.of(finding(A, "key-expired", "a", "m"), finding(A, "key-expired", "b", "m"))));

    assertThat(report.trends()).extracting(TrendPoint::isoWeek).containsExactly(LAST_WEEK, WEEK);
    assertThat(report.thisWeek().open())
        .hasValueSatisfying(m -> assertThat(m).containsEntry(Severity.HIGH, 2));
    assertThat(report.thisWeek().activeKeys()).isEqualTo(4);
  }

  @Test
  void build_trends_keepTheLastEightWeeksOldestFirst() {
    Map<String, List<RunSummary>> trends = new LinkedHashMap<>();
    for (int w = 10; w >= 1; w--) {
      Instant at = MON.minus(Duration.ofDays(7L * w));
      trends.put(dev.keywarden.findings.IsoWeek.of(at), List.of(Run.of(A, at).build()));
    }
    trends.put("2026-W49", List.of(Run.of(A, MON.plus(Duration.ofDays(7))).build()));

    List<String> weeks =
        WeeklyReportBuilder.build(input(List.of(), List.of(), trends, List.of())).trends().stream()
            .map(TrendPoint::isoWeek)
            .toList();

    assertThat(weeks)
        .containsExactly(
            "2026-W41",
            "2026-W42",
            "2026-W43",
            "2026-W44",
            "2026-W45",
            "2026-W46",
            "2026-W47",
            "2026-W48");
  }

  @Test
  void build_trends_markAWeekWithoutAuditedRunsAsNoData() {
    Map<String, List<RunSummary>> trends =
        Map.of(LAST_WEEK, List.of(Run.of(A, LAST_MON).failed("denied").build()));

    TrendPoint last =
        WeeklyReportBuilder.build(input(List.of(), List.of(), trends, List.of())).trends().get(0);

    assertThat(last.hasData()).isFalse();
    assertThat(last.open()).isEmpty();
  }

  @Test
  void mfaCoverage_whenNoConsoleUsers_isEmptyNotZero() {
    WeeklyReport report =
        build(List.of(Run.of(A, MON).console(0, 0).build()), List.of(), List.of());

    assertThat(report.thisWeek().mfaCoveragePercent()).isEmpty();
    assertThat(report.headline().get(WeeklyReport.MFA_COVERAGE)).isEmpty();
  }

  @Test
  void mfaCoverage_sumsUsersAcrossAccountsBeforeDividing() {
    WeeklyReport report =
        build(
            List.of(Run.of(A, MON).console(1, 0).build(), Run.of(B, MON).console(3, 3).build()),
            List.of(),
            List.of());

    assertThat(report.thisWeek().mfaCoveragePercent()).contains(75.0);
  }

  // ------------------------------------------------------------------ headline

  @Test
  void headline_namesEveryMetricTheRenderersShow() {
    WeeklyReport report = WeeklyReportBuilder.build(ReportFixtures.organisation());

    assertThat(report.headline())
        .containsKeys(
            WeeklyReport.ACCOUNTS_AUDITED,
            WeeklyReport.ACCOUNTS_NOT_AUDITED,
            WeeklyReport.OPEN_CRITICAL,
            WeeklyReport.OPEN_HIGH,
            WeeklyReport.OPEN_TOTAL,
            WeeklyReport.NEW_THIS_WEEK,
            WeeklyReport.RESOLVED_THIS_WEEK,
            WeeklyReport.DEACTIVATED_THIS_WEEK);
    assertThat(report.headline().get(WeeklyReport.ACCOUNTS_NOT_AUDITED)).contains(2);
    assertThat(report.headline().get(WeeklyReport.OPEN_TOTAL))
        .contains(ReportFixtures.organisation().openFindings().size());
  }

  @Test
  void build_whenNothingIsKnown_producesAnEmptyReport() {
    WeeklyReport report = WeeklyReportBuilder.build(ReportFixtures.empty());

    assertThat(report.coverage().known()).isZero();
    assertThat(report.accounts()).isEmpty();
    assertThat(report.trends()).extracting(TrendPoint::isoWeek).containsExactly(WEEK);
    assertThat(new ArrayList<>(report.headline().values()))
        .filteredOn(Optional::isPresent)
        .hasSize(15);
  }
}
