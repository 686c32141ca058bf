package dev.keywarden.securityhub;

import java.util.List;
import java.util.Map;

/** Sends findings to Security Hub ({@code BatchImportFindings}); the SDK lives behind it. */
public interface FindingsImporter {
  /** At most this many findings go in one call, as {@code BatchImportFindings} allows. */
  int MAX_BATCH = 100;

  /**
   * Imports one batch of at most {@link #MAX_BATCH} findings.
   *
   * @return the findings Security Hub did not accept ({@code FailedFindings}), by finding id, with
   *     the error it gave
   * @throws dev.keywarden.KeywardenException when the call itself failed: nothing is known to be
   *     accepted
   */
  Map<String, String> importBatch(List<AsffFinding> findings);
}
