package dev.keywarden.securityhub;

import java.util.Map;

/**
 * What Security Hub was last confirmed to hold for each of an account's findings: the {@link
 * AsffFinding#fingerprint() fingerprint} of the version it accepted, by finding key ({@code <check
 * id>#<resource id>}). A finding whose fingerprint differs, or that has none, is pending; a run
 * sends only those.
 */
public interface ImportedFindings {
  /** The fingerprints Security Hub confirmed, by finding key. */
  Map<String, String> load(String accountId);

  /** Records fingerprints Security Hub just confirmed, by finding key. */
  void record(String accountId, Map<String, String> fingerprints);
}
