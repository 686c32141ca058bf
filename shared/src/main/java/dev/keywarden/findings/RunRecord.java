package dev.keywarden.findings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the dispatcher sent in one run, so that the report can tell an account that was never
 * audited from one that was not asked.
 *
 * @param runId the run
 * @param startedAt when the dispatcher listed the accounts
 * @param accountIds the accounts sent, in order
 */
public record RunRecord(String runId, Instant startedAt, List<String> accountIds) {
  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(startedAt, "startedAt");
    accountIds = List.copyOf(accountIds);
  }
}
