package dev.keywarden.report;

import dev.keywarden.checks.Severity;
import dev.keywarden.findings.StoredFinding;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The weekly report as data, computed once by {@link WeeklyReportBuilder} so that the HTML page,
 * the JSON file and the e-mail digest cannot disagree about a number.
 *
 * @param isoWeek the report's week, such as {@code 2026-W48}
 * @param generatedAt when it was made
 * @param coverage which accounts were audited this week and which were not, and why
 * @param rootFindings every open {@code root-*} finding, by account
 * @param bySeverity open findings per severity (every severity, most urgent first), with last
 *     week's
 * @param byCheck open findings per check (checks with findings now or last week, catalogue order)
 * @param activity what the week's runs did
 * @param keysDue open key findings whose deadline falls within 7 days of {@code generatedAt} or has
 *     passed
 * @param accounts every known account, highest risk first
 * @param trends one point per week, oldest first, ending with the report's week
 * @param lastWeekKnown whether there were run summaries last week to compare with
 * @param compliance accounts passing, failing and not judged per CIS v5.0.0 and Security Hub
 *     control
 */
public record WeeklyReport(
    String isoWeek,
    Instant generatedAt,
    Coverage coverage,
    List<RootFinding> rootFindings,
    List<SeverityCount> bySeverity,
    List<CheckCount> byCheck,
    Activity activity,
    List<KeyDue> keysDue,
    List<RankedAccount> accounts,
    List<TrendPoint> trends,
    boolean lastWeekKnown,
    ComplianceView compliance) {
  public WeeklyReport {
    Objects.requireNonNull(isoWeek, "isoWeek");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(coverage, "coverage");
    rootFindings = List.copyOf(rootFindings);
    bySeverity = List.copyOf(bySeverity);
    byCheck = List.copyOf(byCheck);
    Objects.requireNonNull(activity, "activity");
    keysDue = List.copyOf(keysDue);
    accounts = List.copyOf(accounts);
    trends = List.copyOf(trends);
    Objects.requireNonNull(compliance, "compliance");
  }

  /** A report without the compliance view. */
  public WeeklyReport(
      String isoWeek,
      Instant generatedAt,
      Coverage coverage,
      List<RootFinding> rootFindings,
      List<SeverityCount> bySeverity,
      List<CheckCount> byCheck,
      Activity activity,
      List<KeyDue> keysDue,
      List<RankedAccount> accounts,
      List<TrendPoint> trends,
      boolean lastWeekKnown) {
    this(
        isoWeek,
        generatedAt,
        coverage,
        rootFindings,
        bySeverity,
        byCheck,
        activity,
        keysDue,
        accounts,
        trends,
        lastWeekKnown,
        ComplianceView.empty());
  }

  /**
   * Headline metric names, shared by the HTML ({@code data-metric}), the JSON ({@code headline})
   * and tests.
   */
  public static final String ACCOUNTS_AUDITED = "accounts-audited";

  public static final String ACCOUNTS_NOT_AUDITED = "accounts-not-audited";
  public static final String ROOT_FINDINGS = "root-findings";
  public static final String OPEN_CRITICAL = "open-critical";
  public static final String OPEN_HIGH = "open-high";
  public static final String OPEN_MEDIUM = "open-medium";
  public static final String OPEN_LOW = "open-low";
  public static final String OPEN_TOTAL = "open-total";
  public static final String NEW_THIS_WEEK = "new-this-week";
  public static final String RESOLVED_THIS_WEEK = "resolved-this-week";
  public static final String DEACTIVATED_THIS_WEEK = "deactivated-this-week";
  public static final String DEFERRED_THIS_WEEK = "deferred-this-week";
  public static final String WOULD_DEACTIVATE_THIS_WEEK = "would-deactivate-this-week";
  public static final String KEYS_DUE_NEXT_WEEK = "keys-due-next-week";
  public static final String ACTIVE_KEYS = "active-keys";
  public static final String MFA_COVERAGE = "mfa-coverage";

  /** Open findings now, all severities. */
  public int openTotal() {
    return bySeverity.stream().mapToInt(SeverityCount::open).sum();
  }

  /** Open findings at the end of last week, when known. */
  public Optional<Integer> openTotalLastWeek() {
    return lastWeekKnown
        ? Optional.of(bySeverity.stream().mapToInt(c -> c.lastWeek().orElse(0)).sum())
        : Optional.empty();
  }

  /** Open findings of one severity now. */
  public int open(Severity severity) {
    return bySeverity.stream()
        .filter(c -> c.severity() == severity)
        .mapToInt(SeverityCount::open)
        .sum();
  }

  /** The report's own week among the trends (always the last point). */
  public TrendPoint thisWeek() {
    return trends.get(trends.size() - 1);
  }

  /**
   * The headline numbers under their metric names, in display order; MFA coverage is a percentage
   * with one decimal, absent when no audited account has a console user.
   */
  public Map<String, Optional<Number>> headline() {
    Map<String, Optional<Number>> out = new LinkedHashMap<>();
    out.put(ACCOUNTS_AUDITED, Optional.of(coverage.audited().size()));
    out.put(ACCOUNTS_NOT_AUDITED, Optional.of(coverage.notAudited().size()));
    out.put(ROOT_FINDINGS, Optional.of(rootFindings.size()));
    out.put(OPEN_CRITICAL, Optional.of(open(Severity.CRITICAL)));
    out.put(OPEN_HIGH, Optional.of(open(Severity.HIGH)));
    out.put(OPEN_MEDIUM, Optional.of(open(Severity.MEDIUM)));
    out.put(OPEN_LOW, Optional.of(open(Severity.LOW)));
    out.put(OPEN_TOTAL, Optional.of(openTotal()));
    out.put(NEW_THIS_WEEK, Optional.of(activity.opened()));
    out.put(RESOLVED_THIS_WEEK, Optional.of(activity.resolved()));
    out.put(DEACTIVATED_THIS_WEEK, Optional.of(activity.deactivated()));
    out.put(DEFERRED_THIS_WEEK, Optional.of(activity.deferred()));
    out.put(WOULD_DEACTIVATE_THIS_WEEK, Optional.of(activity.wouldDeactivate()));
    out.put(KEYS_DUE_NEXT_WEEK, Optional.of(keysDue.size()));
    out.put(ACTIVE_KEYS, Optional.of(thisWeek().activeKeys()));
    out.put(MFA_COVERAGE, thisWeek().mfaCoveragePercent().map(p -> (Number) p));
    return Collections.unmodifiableMap(out);
  }

  /** An account, with the name people know it by when there is one. */
  public record Account(String id, Optional<String> name) {
    public Account {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
    }

    /** {@code name (id)}, or the id alone. */
    public String label() {
      return name.map(n -> n + " (" + id + ")").orElse(id);
    }
  }

  /**
   * Which known accounts the week's latest runs audited, and which they did not.
   *
   * @param audited accounts whose latest run this week audited them, by account id
   * @param notAudited accounts without a successful latest run this week, by account id
   */
  public record Coverage(List<AuditedAccount> audited, List<NotAuditedAccount> notAudited) {
    public Coverage {
      audited = List.copyOf(audited);
      notAudited = List.copyOf(notAudited);
    }

    /** Every known account: audited and not. */
    public int known() {
      return audited.size() + notAudited.size();
    }
  }

  /** An account audited this week, as of its latest run. */
  public record AuditedAccount(Account account, Instant at) {}

  /**
   * An account the week did not audit.
   *
   * @param reason the latest run's failure, or {@code no run this week}
   * @param lastAudited the latest audited run among all the summaries the report was given
   */
  public record NotAuditedAccount(Account account, String reason, Optional<Instant> lastAudited) {}

  /** One open finding on an account's root user. */
  public record RootFinding(Account account, StoredFinding finding) {}

  /**
   * Open findings of one severity, now and at the end of last week (empty when last week is
   * unknown).
   */
  public record SeverityCount(Severity severity, int open, Optional<Integer> lastWeek) {
    /** Now minus last week, when last week is known. */
    public Optional<Integer> change() {
      return lastWeek.map(previous -> open - previous);
    }
  }

  /**
   * Open findings of one check, now and at the end of last week (empty when last week is unknown).
   */
  public record CheckCount(
      String checkId, String title, Severity severity, int open, Optional<Integer> lastWeek) {
    /** Now minus last week, when last week is known. */
    public Optional<Integer> change() {
      return lastWeek.map(previous -> open - previous);
    }
  }

  /**
   * Sums over every run of the week (not only each account's latest).
   *
   * @param runs run summaries in the week
   * @param opened findings new in a run
   * @param resolved findings resolved in a run
   * @param deactivated keys deactivated by enforcing runs
   * @param deferred deactivations held back by the per-run cap
   * @param notices owner notices published
   * @param wouldDeactivate keys dry runs would have deactivated, still active: counted apart
   */
  public record Activity(
      int runs,
      int opened,
      int resolved,
      int deactivated,
      int deferred,
      int notices,
      int wouldDeactivate) {
    /** Activity without dry-run deactivations. */
    public Activity(
        int runs, int opened, int resolved, int deactivated, int deferred, int notices) {
      this(runs, opened, resolved, deactivated, deferred, notices, 0);
    }
  }

  /**
   * A key that will be (or should already have been) deactivated.
   *
   * @param overdue the deadline is before {@code generatedAt}
   * @param owner the owner's address, or {@code unknown}
   */
  public record KeyDue(
      Account account,
      String principal,
      String checkId,
      String resourceId,
      Instant deadline,
      String owner,
      boolean overdue) {}

  /**
   * An account's place in the risk ranking, with its open findings for the drill-down.
   *
   * @param score the risk score (see {@link WeeklyReportBuilder})
   * @param openBySeverity open findings per severity (every severity present, zero when none)
   * @param notAuditedReason why it was not audited this week; empty when it was
   * @param findings its open findings, most severe first, then by check, principal and resource
   */
  public record RankedAccount(
      Account account,
      int score,
      Map<Severity, Integer> openBySeverity,
      Optional<String> notAuditedReason,
      List<StoredFinding> findings) {
    public RankedAccount {
      openBySeverity = Collections.unmodifiableMap(new EnumMap<>(openBySeverity));
      findings = List.copyOf(findings);
    }

    public boolean audited() {
      return notAuditedReason.isEmpty();
    }

    public int openTotal() {
      return findings.size();
    }
  }

  /**
   * One week of the trends.
   *
   * @param isoWeek the week
   * @param accountsAudited accounts with an audited run that week (0: the week has no data)
   * @param open open findings per severity; empty when the week has no data
   * @param consoleUsers console users in the audited accounts
   * @param consoleUsersWithMfa of those, users with MFA
   * @param activeKeys active IAM user access keys in the audited accounts
   */
  public record TrendPoint(
      String isoWeek,
      int accountsAudited,
      Optional<Map<Severity, Integer>> open,
      int consoleUsers,
      int consoleUsersWithMfa,
      int activeKeys) {
    public TrendPoint {
      open = open.map(m -> Collections.unmodifiableMap(new EnumMap<>(m)));
    }

    /**
     * MFA coverage of console users in percent, one decimal; empty when there are no console users.
     */
    public Optional<Double> mfaCoveragePercent() {
      if (consoleUsers == 0) {
        return Optional.empty();
      }
      return Optional.of(Math.round(consoleUsersWithMfa * 1000.0 / consoleUsers) / 10.0);
    }

    public boolean hasData() {
      return accountsAudited > 0;
    }
  }
}
