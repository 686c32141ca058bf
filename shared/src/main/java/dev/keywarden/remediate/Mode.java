package dev.keywarden.remediate;

/** Whether a run may change keys, so that enforcement is an explicit choice and never a default. */
public enum Mode {
  /** Reports what enforcement would deactivate; changes nothing in IAM and writes no action log. */
  DRY_RUN,
  /** Deactivates expired keys (never deletes them), logging each action before and after. */
  ENFORCE
}
