package dev.keywarden.report;

import dev.keywarden.checks.ExemptionGrant;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the weekly report is derived from, as the aggregator reads it from the findings table,
 * so that the report itself is a pure function that tests can drive without AWS.
 *
 * @param isoWeek the report's week, such as {@code 2026-W48} (see {@link
 *     dev.keywarden.findings.IsoWeek})
 * @param generatedAt when the report is made; the "due next week" window starts here
 * @param weekRuns every run summary of the week, all accounts, in any order
 * @param previousWeekRuns every run summary of the week before
 * @param trendWeeks up to 8 ISO weeks (oldest first) to every run summary of that week; may include
 *     the report's week, which is otherwise taken from {@code weekRuns}
 * @param openFindings every OPEN finding of every account, as the table holds them now
 * @param accountNames account id to a name people know it by; may be empty
 * @param expectedAccounts the accounts the dispatcher listed this week; may be empty
 * @param owners principal key {@code accountId/principal} to the owner's address; may be empty
 * @param exemptions the security team's exemption grants not revoked, every account; may be empty
 */
public record ReportInput(
    String isoWeek,
    Instant generatedAt,
    List<RunSummary> weekRuns,
    List<RunSummary> previousWeekRuns,
    Map<String, List<RunSummary>> trendWeeks,
    List<StoredFinding> openFindings,
    Map<String, String> accountNames,
    Set<String> expectedAccounts,
    Map<String, String> owners,
    List<ExemptionGrant> exemptions) {
  public ReportInput {
    Objects.requireNonNull(isoWeek, "isoWeek");
    Objects.requireNonNull(generatedAt, "generatedAt");
    weekRuns = List.copyOf(weekRuns);
    previousWeekRuns = List.copyOf(previousWeekRuns);
    Map<String, List<RunSummary>> trends = new LinkedHashMap<>();
    trendWeeks.forEach((week, runs) -> trends.put(week, List.copyOf(runs)));
    trendWeeks = java.util.Collections.unmodifiableMap(trends);
    openFindings = List.copyOf(openFindings);
    accountNames = Map.copyOf(accountNames);
    expectedAccounts = Set.copyOf(expectedAccounts);
    owners = Map.copyOf(owners);
    exemptions = List.copyOf(exemptions);
  }

  /** The input without exemption grants. */
  public ReportInput(
      String isoWeek,
      Instant generatedAt,
      List<RunSummary> weekRuns,
      List<RunSummary> previousWeekRuns,
      Map<String, List<RunSummary>> trendWeeks,
      List<StoredFinding> openFindings,
      Map<String, String> accountNames,
      Set<String> expectedAccounts,
      Map<String, String> owners) {
    this(
        isoWeek,
        generatedAt,
        weekRuns,
        previousWeekRuns,
        trendWeeks,
        openFindings,
        accountNames,
        expectedAccounts,
        owners,
        List.of());
  }

  /** The key under which {@link #owners()} holds a principal's owner. */
  public static String ownerKey(String accountId, String principal) {
    return accountId + "/" + principal;
  }
}
