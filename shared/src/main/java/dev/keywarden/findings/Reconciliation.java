package dev.keywarden.findings;

import java.util.List;

/**
 * What one run changes in an account's remembered findings, and the counts its summary reports.
 *
 * @param changed the findings to write, each with its version already incremented, ordered by check
 *     id then resource id
 * @param opened findings open in this run that were not open before: new, reopened after being
 *     resolved, or no longer exempt
 * @param stillOpen findings open before and still open
 * @param resolved findings open or exempt before that this run no longer found
 * @param exempt findings exempt after this run
 */
public record Reconciliation(
    List<StoredFinding> changed, int opened, int stillOpen, int resolved, int exempt) {
  public Reconciliation {
    changed = List.copyOf(changed);
  }

  /** Open findings after this run. */
  public int open() {
    return opened + stillOpen;
  }
}
