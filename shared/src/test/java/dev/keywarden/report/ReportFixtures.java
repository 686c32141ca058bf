package dev.keywarden.report;

import dev.keywarden.checks.CheckCatalog;
import dev.keywarden.checks.CheckMetadata;
import dev.keywarden.checks.Severity;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.IsoWeek;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** Run summaries, findings and whole report inputs for the weekly report's tests and benchmark. */
final class ReportFixtures {
  /** Monday of 2026-W48. */
  static final Instant WEEK_START = Instant.parse("2026-11-23T00:00:00Z");

  static final String WEEK = "2026-W48";
  static final String LAST_WEEK = "2026-W47";

  /** Sunday evening of 2026-W48. */
  static final Instant GENERATED = Instant.parse("2026-11-29T20:00:00Z");

  private ReportFixtures() {}

  /** A fluent run summary for tests: audited unless {@link #failed}. */
  static final class Run {
    private final String account;
    private final Instant at;
    private String runId;
    private Optional<String> failure = Optional.empty();
    private final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    private final Map<String, Integer> byCheck = new TreeMap<>();
    private int users;
    private int activeKeys;
    private int console;
    private int consoleMfa;
    private int opened;
    private int resolved;
    private int deactivated;
    private int deferred;
    private int notices;
    private int wouldDeactivate;

    private Run(String account, Instant at) {
      this.account = account;
      this.at = at;
      this.runId = "run-" + at;
    }

    static Run of(String account, Instant at) {
      return new Run(account, at);
    }

    Run failed(String reason) {
      failure = Optional.of(reason);
      return this;
    }

    Run runId(String id) {
      runId = id;
      return this;
    }

    Run open(Severity severity, int n) {
      bySeverity.merge(severity, n, Integer::sum);
      return this;
    }

    /** Adds {@code n} open findings of {@code checkId}, counted under the check's severity too. */
    Run check(String checkId, int n) {
      byCheck.merge(checkId, n, Integer::sum);
      return open(meta(checkId).severity(), n);
    }

    Run console(int users, int withMfa) {
      console = users;
      consoleMfa = withMfa;
      this.users = Math.max(this.users, users);
      return this;
    }

    Run keys(int n) {
      activeKeys = n;
      return this;
    }

    Run activity(int opened, int resolved, int deactivated, int deferred, int notices) {
      this.opened = opened;
      this.resolved = resolved;
      this.deactivated = deactivated;
      this.deferred = deferred;
      this.notices = notices;
      return this;
    }

    /** A dry run's keys it would have deactivated. */
    Run wouldDeactivate(int n) {
      wouldDeactivate = n;
      return this;
    }

    RunSummary build() {
      boolean audited = failure.isEmpty();
      return RunSummary.builder(account, runId, at)
          .audited(audited)
          .failure(failure)
          .openBySeverity(audited ? bySeverity : Map.of())
          .openByCheck(audited ? byCheck : Map.of())
          .users(audited ? Math.max(users, activeKeys) : 0)
          .activeKeys(audited ? activeKeys : 0)
          .consoleUsers(audited ? console : 0)
          .consoleUsersWithMfa(audited ? consoleMfa : 0)
          .rootMfa(Optional.of(true))
          .rootAccessKey(Optional.of(false))
          .opened(opened)
          .resolved(resolved)
          .deactivated(deactivated)
          .deferred(deferred)
          .notices(notices)
          .skippedChecks(audited ? Optional.of(SKIPPED_ON_EMULATOR) : Optional.empty())
          .unusedRoles(audited ? Optional.of(2) : Optional.empty())
          .wouldDeactivate(wouldDeactivate)
          .build();
    }
  }

  /** The checks a run on the local emulator cannot judge, as every fixture run reports them. */
  static final List<String> SKIPPED_ON_EMULATOR =
      List.of("access-analyzer-disabled", "root-access-not-centralized", "ssh-key-old");

  static CheckMetadata meta(String checkId) {
    return CheckCatalog.byId(checkId)
        .orElseThrow(() -> new IllegalArgumentException(checkId))
        .metadata();
  }

  static StoredFinding finding(String account, String checkId, String principal, String message) {
    return finding(account, checkId, principal, message, Optional.empty());
  }

  static StoredFinding finding(
      String account,
      String checkId,
      String principal,
      String message,
      Optional<Instant> deadline) {
    CheckMetadata m = meta(checkId);
    String resource =
        "arn:aws:iam::"
            + account
            + ":user/"
            + principal
            + (checkId.startsWith("key-") ? "#access_key_1" : "");
    return StoredFinding.builder()
        .accountId(account)
        .checkId(checkId)
        .resourceId(resource)
        .principal(principal)
        .severity(m.severity())
        .title(m.title())
        .message(message)
        .status(FindingStatus.OPEN)
        .firstSeen(WEEK_START.minus(Duration.ofDays(10)))
        .deadline(deadline)
        .version(1)
        .build();
  }

  static StoredFinding withSeverity(StoredFinding f, Severity severity, String resourceId) {
    return f.toBuilder().severity(severity).resourceId(resourceId).build();
  }

  /** A report input with nothing in it but the week. */
  static ReportInput empty() {
    return input(List.of(), List.of(), Map.of(), List.of());
  }

  static ReportInput input(
      List<RunSummary> week,
      List<RunSummary> lastWeek,
      Map<String, List<RunSummary>> trends,
      List<StoredFinding> open) {
    return new ReportInput(
        WEEK, GENERATED, week, lastWeek, trends, open, Map.of(), Set.of(), Map.of());
  }

  // ------------------------------------------------------------------ a realistic organisation

  private record Acct(
      String id,
      String name,
      List<StoredFinding> findings,
      int console,
      int consoleMfa,
      int keys) {}

  /**
   * Six accounts over eight weeks: two with root findings, one whose latest run could not assume
   * the role, one the dispatcher listed but that has no run this week, keys due in the next days,
   * owners for most.
   */
  static ReportInput organisation() {
    Instant soon = GENERATED.plus(Duration.ofDays(2));
    Instant later = GENERATED.plus(Duration.ofDays(5));
    Instant past = GENERATED.minus(Duration.ofDays(1));
    List<Acct> accounts =
        List.of(
            new Acct(
                "111111111111",
                "payments-prod",
                List.of(
                    finding(
                        "111111111111",
                        "root-no-hardware-mfa",
                        "<root_account>",
                        "root user has only a virtual MFA device"),
                    finding(
                        "111111111111",
                        "key-expired",
                        "ci-deployer",
                        "access key 1 is 97 days old (maximum 90)",
                        Optional.of(past)),
                    finding(
                        "111111111111",
                        "key-rotation-due",
                        "batch-settlement",
                        "access key 1 reaches 90 days on 2026-12-01",
                        Optional.of(soon)),
                    finding(
                        "111111111111",
                        "console-without-mfa",
                        "j.doe",
                        "console password without MFA"),
                    finding(
                        "111111111111",
                        "user-full-admin",
                        "break-glass",
                        "AdministratorAccess attached to the user"),
                    finding(
                        "111111111111",
                        "human-long-term-key",
                        "m.rossi",
                        "console user with an active access key"),
                    finding(
                        "111111111111",
                        "key-unused",
                        "reporting-export",
                        "access key 2 unused for 61 days"),
                    finding(
                        "111111111111",
                        "user-direct-policies",
                        "ci-deployer",
                        "2 policies attached to the user")),
                42,
                39,
                57),
            new Acct(
                "222222222222",
                "data-lake-prod",
                List.of(
                    finding(
                        "222222222222",
                        "root-access-key",
                        "<root_account>",
                        "root user has an active access key"),
                    finding(
                        "222222222222",
                        "root-recently-used",
                        "<root_account>",
                        "root password used 3 days ago"),
                    finding(
                        "222222222222",
                        "key-rotation-due",
                        "etl-loader",
                        "access key 1 reaches 90 days on 2026-12-04",
                        Optional.of(later)),
                    finding(
                        "222222222222",
                        "multiple-active-keys",
                        "etl-loader",
                        "2 active access keys"),
                    finding(
                        "222222222222",
                        "password-policy-weak",
                        "<account>",
                        "minimum length 8 (want 14)")),
                18,
                18,
                31),
            new Acct(
                "333333333333",
                "analytics-staging",
                List.of(
                    finding(
                        "333333333333",
                        "account-not-audited",
                        "<account>",
                        "account 333333333333 was not audited: AccessDenied assuming KeywardenAuditRole"),
                    finding(
                        "333333333333",
                        "console-without-mfa",
                        "intern-2024",
                        "console password without MFA"),
                    finding(
                        "333333333333",
                        "key-unused",
                        "old-airflow",
                        "access key 1 never used, created 120 days ago")),
                9,
                6,
                12),
            new Acct(
                "444444444444",
                "sandbox",
                List.of(
                    finding(
                        "444444444444",
                        "console-unused",
                        "demo-user",
                        "console password unused for 80 days"),
                    finding(
                        "444444444444",
                        "owner-missing",
                        "tmp-bot",
                        "no owner tag on a user with an active key")),
                25,
                21,
                14),
            new Acct(
                "555555555555",
                "shared-services",
                List.of(
                    finding(
                        "555555555555",
                        "key-created-with-user",
                        "s.kowalski",
                        "access key created with the user and never used")),
                31,
                31,
                22),
            new Acct(
                "666666666666",
                "legacy-billing",
                List.of(
                    finding(
                        "666666666666",
                        "key-expired",
                        "nightly-invoices",
                        "access key 1 is 140 days old (maximum 90)",
                        Optional.of(GENERATED.minus(Duration.ofDays(50))))),
                4,
                2,
                6));

    Map<String, String> names = new LinkedHashMap<>();
    List<StoredFinding> open = new ArrayList<>();
    accounts.forEach(
        a -> {
          names.put(a.id(), a.name());
          open.addAll(a.findings());
        });
    Map<String, List<RunSummary>> trends = new LinkedHashMap<>();
    for (int w = 7; w >= 0; w--) {
      Instant monday = WEEK_START.minus(Duration.ofDays(7L * w));
      List<RunSummary> runs = new ArrayList<>();
      for (Acct a : accounts) {
        boolean legacyGone = a.id().startsWith("6") && w == 0;
        if (legacyGone) {
          continue;
        }
        for (int day : new int[] {0, 5}) {
          Run run =
              Run.of(a.id(), monday.plus(Duration.ofDays(day)).plus(Duration.ofHours(6)))
                  .runId(IsoWeek.of(monday) + "-" + day)
                  .console(a.console(), Math.max(0, a.consoleMfa() - (w + 1) / 2))
                  .keys(a.keys() + 2 * w)
                  .activity(
                      day == 0 ? 2 + w % 3 : 1,
                      day == 0 ? 3 : 1 + w % 2,
                      day == 5 && w % 2 == 0 ? 1 : 0,
                      0,
                      day == 0 ? 2 : 0);
          for (StoredFinding f : a.findings()) {
            if (!f.checkId().equals("account-not-audited")) {
              run.check(f.checkId(), 1);
            }
          }
          run.check("key-unused", w / 2)
              .check("user-direct-policies", w)
              .check("console-without-mfa", w >= 5 ? 1 : 0);
          if (a.id().startsWith("3") && w == 0 && day == 5) {
            run.failed(
                "AccessDenied: could not assume arn:aws:iam::333333333333:role/KeywardenAuditRole");
          }
          runs.add(run.build());
        }
      }
      trends.put(IsoWeek.of(monday), runs);
    }
    Map<String, String> owners =
        Map.of(
            "111111111111/ci-deployer", "platform-team@example.com",
            "111111111111/batch-settlement", "payments-oncall@example.com",
            "666666666666/nightly-invoices", "billing@example.com");
    return new ReportInput(
        WEEK,
        GENERATED,
        trends.get(WEEK),
        trends.get(LAST_WEEK),
        trends,
        open,
        names,
        Set.of(
            "111111111111",
            "222222222222",
            "333333333333",
            "444444444444",
            "555555555555",
            "666666666666"),
        owners);
  }

  // ------------------------------------------------------------------ a large organisation

  private static final String[] CHECKS = {
    "key-rotation-due",
    "key-expired",
    "key-unused",
    "console-without-mfa",
    "multiple-active-keys",
    "user-direct-policies",
    "human-long-term-key",
    "owner-missing",
    "console-unused",
    "key-created-with-user",
    "user-full-admin",
    "root-no-hardware-mfa"
  };

  /**
   * {@code accounts} accounts with {@code perAccount} open findings each, one audited run per
   * account and week for 8 weeks, 2% of accounts not audited this week; deterministic.
   */
  static ReportInput large(int accounts, int perAccount) {
    Random random = new Random(42);
    List<StoredFinding> open = new ArrayList<>(accounts * perAccount);
    Map<String, String> names = new HashMap<>();
    Map<String, String> owners = new HashMap<>();
    Map<String, List<RunSummary>> trends = new LinkedHashMap<>();
    for (int w = 7; w >= 0; w--) {
      trends.put(IsoWeek.of(WEEK_START.minus(Duration.ofDays(7L * w))), new ArrayList<>());
    }
    for (int a = 0; a < accounts; a++) {
      String id = String.format("%012d", 100_000_000_000L + a * 7919L);
      names.put(id, "workload-" + a + (a % 3 == 0 ? "-prod" : "-dev"));
      Map<String, Integer> byCheck = new TreeMap<>();
      for (int f = 0; f < perAccount; f++) {
        String check =
            CHECKS[random.nextInt(f == 0 && a % 50 == 0 ? CHECKS.length : CHECKS.length - 1)];
        String user = "svc-" + a + "-" + (f / 2);
        Optional<Instant> deadline =
            check.startsWith("key-rotation") || check.equals("key-expired")
                ? Optional.of(GENERATED.plus(Duration.ofHours(random.nextInt(24 * 30) - 24 * 10)))
                : Optional.empty();
        StoredFinding base =
            finding(
                id,
                check,
                check.startsWith("root-") ? "<root_account>" : user,
                "finding "
                    + f
                    + " of "
                    + check
                    + " on "
                    + user
                    + ": access key last rotated "
                    + (60 + f)
                    + " days ago",
                deadline);
        open.add(withSeverity(base, base.severity(), base.resourceId() + "/" + f));
        byCheck.merge(check, 1, Integer::sum);
        if (f % 4 == 0) {
          owners.put(ReportInput.ownerKey(id, user), "team-" + (a % 40) + "@example.com");
        }
      }
      int w = 7;
      for (Map.Entry<String, List<RunSummary>> week : trends.entrySet()) {
        Run run =
            Run.of(id, WEEK_START.minus(Duration.ofDays(7L * w)).plus(Duration.ofHours(6 + a % 12)))
                .console(20, 20 - random.nextInt(4))
                .keys(60 + w)
                .activity(
                    random.nextInt(5), random.nextInt(5), random.nextInt(2), 0, random.nextInt(3));
        byCheck.forEach(run::check);
        if (w == 0 && a % 50 == 7) {
          run.failed("AccessDenied: could not assume the audit role");
        }
        week.getValue().add(run.build());
        w--;
      }
    }
    Set<String> expected = names.keySet();
    return new ReportInput(
        WEEK,
        GENERATED,
        trends.get(WEEK),
        trends.get(LAST_WEEK),
        trends,
        open,
        names,
        expected,
        owners);
  }
}
