package dev.keywarden.report;

import dev.keywarden.checks.Check;
import dev.keywarden.checks.CheckCatalog;
import dev.keywarden.checks.CheckMetadata;
import dev.keywarden.findings.RunSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The week's compliance by control: for each CIS AWS Foundations v5.0.0 recommendation and each
 * Security Hub control the catalogue maps, how many accounts pass, fail, or were not judged, with
 * last week's.
 *
 * <p>An account's latest run of the week decides (a failed one judges nothing): a control fails
 * when any of its checks has an open finding; else it is not judged when any of its checks was
 * skipped (or the run predates the record of skipped checks); else it passes. An account known this
 * week but not audited is not judged on any control (as in the coverage section: expected by the
 * dispatcher, or audited this week or last). Exempt findings are not open, so an exempted control
 * passes.
 *
 * @param cis CIS v5.0.0 controls in recommendation order
 * @param securityHub Security Hub controls in control order
 * @param unusedRoles roles {@code role-unused} condemned this week, summed over the accounts that
 *     judged it
 * @param unusedRolesLastWeek the same last week, when known
 */
public record ComplianceView(
    List<ControlStatus> cis,
    List<ControlStatus> securityHub,
    Optional<Integer> unusedRoles,
    Optional<Integer> unusedRolesLastWeek) {
  public ComplianceView {
    cis = List.copyOf(cis);
    securityHub = List.copyOf(securityHub);
    Objects.requireNonNull(unusedRoles, "unusedRoles");
    Objects.requireNonNull(unusedRolesLastWeek, "unusedRolesLastWeek");
  }

  /**
   * One control's accounts.
   *
   * @param control the control id, such as {@code 1.15} or {@code IAM.1}
   * @param checkIds the checks that judge it
   * @param pass accounts passing it
   * @param fail accounts failing it
   * @param notJudged accounts it could not be judged in
   * @param last last week's counts, when there were runs last week
   */
  public record ControlStatus(
      String control,
      List<String> checkIds,
      int pass,
      int fail,
      int notJudged,
      Optional<Counts> last) {
    public ControlStatus {
      Objects.requireNonNull(control, "control");
      checkIds = List.copyOf(checkIds);
      Objects.requireNonNull(last, "last");
    }

    /** Failing accounts compared with last week, when known. */
    public Optional<Integer> failChange() {
      return last.map(l -> fail - l.fail());
    }
  }

  /** Pass, fail and not-judged accounts of one week. */
  public record Counts(int pass, int fail, int notJudged) {}

  /** An empty view, for reports built without run summaries. */
  public static ComplianceView empty() {
    return new ComplianceView(List.of(), List.of(), Optional.empty(), Optional.empty());
  }

  /** The view of the report's week, compared with the week before. */
  public static ComplianceView of(ReportInput input) {
    Map<String, RunSummary> now = latest(input.weekRuns());
    Set<String> known = new TreeSet<>(input.expectedAccounts());
    input.weekRuns().forEach(r -> known.add(r.accountId()));
    input.previousWeekRuns().forEach(r -> known.add(r.accountId()));
    Map<String, RunSummary> before = latest(input.previousWeekRuns());
    Set<String> knownBefore = new TreeSet<>();
    input.previousWeekRuns().forEach(r -> knownBefore.add(r.accountId()));
    boolean lastWeekKnown = !input.previousWeekRuns().isEmpty();
    List<ControlStatus> cis =
        controls(CheckMetadata::cisV5, now, known, before, knownBefore, lastWeekKnown);
    List<ControlStatus> hub =
        controls(CheckMetadata::securityHub, now, known, before, knownBefore, lastWeekKnown);
    return new ComplianceView(
        cis, hub, unusedRoles(now), lastWeekKnown ? unusedRoles(before) : Optional.empty());
  }

  private static List<Integer> numericKey(String control) {
    List<Integer> parts = new ArrayList<>();
    for (String part : control.split("[^0-9]+")) {
      if (!part.isEmpty()) {
        parts.add(Integer.parseInt(part));
      }
    }
    return parts;
  }

  private static int compareLists(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static List<ControlStatus> controls(
      Function<CheckMetadata, List<String>> mapping,
      Map<String, RunSummary> now,
      Set<String> known,
      Map<String, RunSummary> before,
      Set<String> knownBefore,
      boolean lastWeekKnown) {
    Map<String, List<String>> checksByControl = new LinkedHashMap<>();
    for (Check check : CheckCatalog.all()) {
      for (String control : mapping.apply(check.metadata())) {
        checksByControl.computeIfAbsent(control, k -> new ArrayList<>()).add(check.metadata().id());
      }
    }
    List<String> order = new ArrayList<>(checksByControl.keySet());
    order.sort(
        (a, b) -> {
          String prefixA = a.replaceAll("[0-9.]+$", "");
          String prefixB = b.replaceAll("[0-9.]+$", "");
          int byPrefix = prefixA.compareTo(prefixB);
          return byPrefix != 0 ? byPrefix : compareLists(numericKey(a), numericKey(b));
        });
    List<ControlStatus> statuses = new ArrayList<>();
    for (String control : order) {
      List<String> checks = checksByControl.get(control);
      Counts current = counts(checks, now, known);
      Optional<Counts> last =
          lastWeekKnown ? Optional.of(counts(checks, before, knownBefore)) : Optional.empty();
      statuses.add(
          new ControlStatus(
              control, checks, current.pass(), current.fail(), current.notJudged(), last));
    }
    return statuses;
  }

  private static Counts counts(
      List<String> checks, Map<String, RunSummary> latest, Set<String> known) {
    int pass = 0;
    int fail = 0;
    int notJudged = 0;
    for (String account : known) {
      RunSummary run = latest.get(account);
      switch (judge(checks, run)) {
        case PASS -> pass++;
        case FAIL -> fail++;
        default -> notJudged++;
      }
    }
    return new Counts(pass, fail, notJudged);
  }

  enum Verdict {
    PASS,
    FAIL,
    NOT_JUDGED
  }

  /**
   * One account's verdict on a control judged by {@code checks}, from its latest audited run (null:
   * none).
   */
  static Verdict judge(List<String> checks, RunSummary run) {
    if (run == null || !run.audited()) {
      return Verdict.NOT_JUDGED;
    }
    if (checks.stream().anyMatch(id -> run.openByCheck().getOrDefault(id, 0) > 0)) {
      return Verdict.FAIL;
    }
    if (run.skippedChecks().isEmpty()
        || checks.stream().anyMatch(run.skippedChecks().get()::contains)) {
      return Verdict.NOT_JUDGED;
    }
    return Verdict.PASS;
  }

  /** Each account's latest run, audited or not (as the coverage section counts it). */
  private static Map<String, RunSummary> latest(List<RunSummary> runs) {
    Map<String, RunSummary> latest = new LinkedHashMap<>();
    for (RunSummary run : runs) {
      latest.merge(run.accountId(), run, (a, b) -> a.at().isAfter(b.at()) ? a : b);
    }
    return latest;
  }

  private static Optional<Integer> unusedRoles(Map<String, RunSummary> latest) {
    List<Integer> counts =
        latest.values().stream()
            .filter(RunSummary::audited)
            .map(RunSummary::unusedRoles)
            .flatMap(Optional::stream)
            .toList();
    return counts.isEmpty()
        ? Optional.empty()
        : Optional.of(counts.stream().mapToInt(Integer::intValue).sum());
  }
}
