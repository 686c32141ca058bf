package dev.keywarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.findings.RunSummary;
import dev.keywarden.report.ComplianceView.ControlStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplianceViewTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Instant LAST_WEEK = Instant.parse("2026-11-19T10:00:00Z");

  private static RunSummary run(
      String account,
      Instant at,
      Map<String, Integer> openByCheck,
      Optional<List<String>> skipped,
      Optional<Integer> unusedRoles) {
    return RunSummary.builder(account, "run-" + account + at, at)
        .openByCheck(openByCheck)
        .users(1)
        .skippedChecks(skipped)
        .unusedRoles(unusedRoles)
        .build();
  }

  private static RunSummary failed(String account, Instant at) {
    return RunSummary.builder(account, "run-x", at)
        .audited(false)
        .failure(Optional.of("role missing"))
        .build();
  }

  private static ReportInput input(
      List<RunSummary> week, List<RunSummary> previous, Set<String> expected) {
    return new ReportInput(
        "2026-W48", NOW, week, previous, Map.of(), List.of(), Map.of(), expected, Map.of());
  }

  private static ControlStatus control(List<ControlStatus> controls, String id) {
    return controls.stream().filter(c -> c.control().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void of_whenAccountsFailPassSkipAndGoUnaudited_countsEachOnce() {
    ComplianceView view =
        ComplianceView.of(
            input(
                List.of(
                    run(
                        "111111111111",
                        NOW,
                        Map.of("role-full-admin", 2),
                        Optional.of(List.of()),
                        Optional.of(3)),
                    run("222222222222", NOW, Map.of(), Optional.of(List.of()), Optional.of(1)),
                    run(
                        "333333333333",
                        NOW,
                        Map.of(),
                        Optional.of(List.of("group-full-admin")),
                        Optional.empty()),
                    failed("444444444444", NOW)),
                List.of(),
                Set.of()));

    ControlStatus cis115 = control(view.cis(), "1.15");
    assertThat(cis115.checkIds())
        .contains("user-full-admin", "role-full-admin", "group-full-admin", "policy-full-admin");
    assertThat(List.of(cis115.pass(), cis115.fail(), cis115.notJudged())).containsExactly(1, 1, 2);
    assertThat(cis115.last()).isEmpty();
    ControlStatus iam1 = control(view.securityHub(), "IAM.1");
    assertThat(List.of(iam1.pass(), iam1.fail(), iam1.notJudged())).containsExactly(1, 1, 2);
    assertThat(view.unusedRoles()).contains(4);
  }

  @Test
  void of_whenSummaryPredatesSkippedChecks_isNotJudgedNotPassed() {
    ComplianceView view =
        ComplianceView.of(
            input(
                List.of(run("111111111111", NOW, Map.of(), Optional.empty(), Optional.empty())),
                List.of(),
                Set.of()));

    ControlStatus cis118 = control(view.cis(), "1.18");
    assertThat(List.of(cis118.pass(), cis118.fail(), cis118.notJudged())).containsExactly(0, 0, 1);
    assertThat(view.unusedRoles()).isEmpty();
  }

  @Test
  void of_whenExpectedAccountHasNoRun_isNotJudgedOnEveryControl() {
    ComplianceView view = ComplianceView.of(input(List.of(), List.of(), Set.of("555555555555")));

    assertThat(view.cis()).allSatisfy(c -> assertThat(c.notJudged()).isEqualTo(1));
    assertThat(view.securityHub()).allSatisfy(c -> assertThat(c.pass() + c.fail()).isZero());
  }

  @Test
  void of_withLastWeek_givesTheChangeInFailingAccounts() {
    ComplianceView view =
        ComplianceView.of(
            input(
                List.of(
                    run(
                        "111111111111",
                        NOW,
                        Map.of("server-cert-expired", 1),
                        Optional.of(List.of()),
                        Optional.of(2))),
                List.of(
                    run(
                        "111111111111",
                        LAST_WEEK,
                        Map.of(),
                        Optional.of(List.of()),
                        Optional.of(5))),
                Set.of()));

    ControlStatus iam26 = control(view.securityHub(), "IAM.26");
    assertThat(iam26.fail()).isEqualTo(1);
    assertThat(iam26.last()).contains(new ComplianceView.Counts(1, 0, 0));
    assertThat(iam26.failChange()).contains(1);
    assertThat(view.unusedRolesLastWeek()).contains(5);
  }

  @Test
  void of_ordersControlsByNumberNotText() {
    ComplianceView view = ComplianceView.of(input(List.of(), List.of(), Set.of("555555555555")));

    List<String> cis = view.cis().stream().map(ControlStatus::control).toList();
    assertThat(cis.indexOf("1.9")).isLessThan(cis.indexOf("1.10"));
    List<String> hub = view.securityHub().stream().map(ControlStatus::control).toList();
    assertThat(hub.indexOf("IAM.2")).isLessThan(hub.indexOf("IAM.10"));
  }

  @Test
  void of_whenTheLatestRunFailedAfterAnAuditedOne_isNotJudged() {
    ComplianceView view =
        ComplianceView.of(
            input(
                List.of(
                    run(
                        "111111111111",
                        NOW.minusSeconds(3600),
                        Map.of(),
                        Optional.of(List.of()),
                        Optional.of(0)),
                    failed("111111111111", NOW)),
                List.of(),
                Set.of()));

    assertThat(view.cis())
        .allSatisfy(
            c -> assertThat(List.of(c.pass(), c.fail(), c.notJudged())).containsExactly(0, 0, 1));
  }

  @Test
  void of_whenTwoRunsThisWeek_judgesTheLatest() {
    ComplianceView view =
        ComplianceView.of(
            input(
                List.of(
                    run(
                        "111111111111",
                        NOW.minusSeconds(3600),
                        Map.of("role-trust-open", 1),
                        Optional.of(List.of()),
                        Optional.of(0)),
                    run("111111111111", NOW, Map.of(), Optional.of(List.of()), Optional.of(0))),
                List.of(),
                Set.of()));

    assertThat(view.cis()).allSatisfy(c -> assertThat(c.fail()).isZero());
  }
}
