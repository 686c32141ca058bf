package dev.keywarden.remediate;

/**
 * What IAM says about one access key, so that every action is confirmed by reading the key back.
 */
public enum KeyStatus {
  ACTIVE,
  INACTIVE,
  /** The key, or its user, no longer exists. */
  MISSING
}
