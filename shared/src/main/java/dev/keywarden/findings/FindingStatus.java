package dev.keywarden.findings;

/** Where a finding stands after the latest run of its account. */
public enum FindingStatus {
  /** Found by the latest run. */
  OPEN,
  /** Found before, not found by a later run. */
  RESOLVED,
  /** Found, but set aside by a valid exemption tag. */
  EXEMPT
}
