package dev.keywarden.audit;

import dev.keywarden.findings.RunSummary;
import java.time.Instant;
import java.util.List;

/**
 * What the runs themselves leave behind: the dispatcher's run record and each account's run
 * summary.
 */
public interface RunRecords {
  /** Stores one run's summary of the account. */
  void putSummary(RunSummary summary);

  /**
   * Records that a run started and which accounts it sent; kept as long as summaries. Writing the
   * same run again replaces the record.
   */
  void putRun(String runId, Instant startedAt, List<String> accountIds);
}
