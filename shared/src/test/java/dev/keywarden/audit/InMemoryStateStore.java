package dev.keywarden.audit;

import dev.keywarden.findings.RunRecord;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.notify.NoticeDraft;
import dev.keywarden.remediate.ActionLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings store in memory, for unit tests of what the org auditor records (not for notices or
 * actions).
 */
final class InMemoryStateStore implements AccountStateStore {
  final Map<String, Map<String, StoredFinding>> findings = new LinkedHashMap<>();
  final List<RunSummary> summaries = new ArrayList<>();
  final List<RunRecord> runs = new ArrayList<>();

  final Map<String, Map<String, String>> owners = new LinkedHashMap<>();

  @Override
  public AccountState load(String accountId) {
    return new AccountState(
        Map.copyOf(findings.getOrDefault(accountId, Map.of())), Map.of(), List.of(), List.of());
  }

  @Override
  public boolean acquireLease(String accountId, String runId, Instant now, Duration ttl) {
    return true;
  }

  @Override
  public void releaseLease(String accountId, String runId) {}

  @Override
  public void completeLease(String accountId, String runId) {}

  @Override
  public boolean completed(String accountId, String runId) {
    return false;
  }

  @Override
  public void writeFindings(String accountId, List<StoredFinding> changed) {
    changed.forEach(
        f -> findings.computeIfAbsent(accountId, a -> new LinkedHashMap<>()).put(f.key(), f));
  }

  @Override
  public boolean claimNotice(String accountId, NoticeDraft draft) {
    throw new UnsupportedOperationException("notices are not part of these tests");
  }

  @Override
  public void completeNotice(String accountId, String draftId) {
    throw new UnsupportedOperationException("notices are not part of these tests");
  }

  @Override
  public List<ActionLogEntry> actions(String accountId) {
    throw new UnsupportedOperationException("actions are not part of these tests");
  }

  @Override
  public boolean appendAction(ActionLogEntry entry) {
    throw new UnsupportedOperationException("actions are not part of these tests");
  }

  @Override
  public void putSummary(RunSummary summary) {
    summaries.add(summary);
  }

  @Override
  public Map<String, String> owners(String accountId) {
    return owners.getOrDefault(accountId, Map.of());
  }

  @Override
  public void putOwners(String accountId, Map<String, String> accountOwners) {
    owners.put(accountId, Map.copyOf(accountOwners));
  }

  @Override
  public void putRun(String runId, Instant startedAt, List<String> accountIds) {
    runs.add(new RunRecord(runId, startedAt, accountIds));
  }
}
