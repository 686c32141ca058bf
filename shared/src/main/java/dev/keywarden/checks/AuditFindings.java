package dev.keywarden.checks;

import java.time.Instant;
import java.util.Map;

/**
 * What renderers read of an audit, whether its findings are held in memory ({@link AuditResult}) or
 * kept on disk because the account is too large to hold them ({@link ChunkedAudit}).
 */
public interface AuditFindings {
  /** The account audited. */
  String accountId();

  /** The instant the checks were evaluated at. */
  Instant asOf();

  /**
   * Open findings, most severe first, then by check, principal and resource; each iteration reads
   * them from the start.
   */
  Iterable<Finding> findings();

  /** Findings set aside by a valid exemption, in the same order. */
  Iterable<ExemptedFinding> exempted();

  /** Check id to the reason it did not run. */
  Map<String, String> skipped();
}
