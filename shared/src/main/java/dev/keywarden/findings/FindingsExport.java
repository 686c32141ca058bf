package dev.keywarden.findings;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Somewhere outside the findings table that also keeps an account's findings, such as AWS Security
 * Hub: told, after each reconciliation, where every remembered finding stands, and sending on only
 * what changed since it last sent.
 */
public interface FindingsExport {
  /**
   * Sends on what changed. Never throws for the destination's failures: what it could not send
   * stays pending and goes with the next run.
   *
   * @param accountId the account
   * @param findings every finding the table remembers for the account after this run
   * @param owners who owns each principal, by principal (user name); principals without one are
   *     absent
   * @param now the run's instant
   */
  void export(
      String accountId,
      Collection<StoredFinding> findings,
      Map<String, String> owners,
      Instant now);
}
