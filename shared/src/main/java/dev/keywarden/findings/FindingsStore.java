package dev.keywarden.findings;

import java.util.List;

/** Where reconciled findings are written back, each write conditional on what was read. */
public interface FindingsStore {
  /**
   * Writes changed findings, each conditional on the version it was read at (a new finding on its
   * absence); resolved findings get a TTL.
   *
   * @throws dev.keywarden.KeywardenException when a condition fails: another run changed the
   *     account
   */
  void writeFindings(String accountId, List<StoredFinding> changed);
}
