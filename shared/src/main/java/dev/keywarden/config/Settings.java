package dev.keywarden.config;

import java.util.Objects;

/**
 * All configuration, read and validated once: the checks' thresholds, how runs act, and which
 * accounts of the Organization are audited.
 */
public record Settings(AuditPolicy audit, RunSettings run, OrgSettings org, RotationSettings rotation) {
  public Settings {
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(rotation, "rotation");
  }

  /** Settings with assisted rotation off. */
  public Settings(AuditPolicy audit, RunSettings run, OrgSettings org) {
    this(audit, run, org, RotationSettings.defaults());
  }

  /** Settings for one account's run, with the Organization settings at their defaults. */
  public Settings(AuditPolicy audit, RunSettings run) {
    this(audit, run, OrgSettings.defaults());
  }

  public static Settings defaults() {
    return new Settings(AuditPolicy.defaults(), RunSettings.defaults(), OrgSettings.defaults(), RotationSettings.defaults());
  }

  /** These settings with other Organization settings. */
  public Settings withOrg(OrgSettings newOrg) {
    return new Settings(audit, run, newOrg, rotation);
  }

  /** These settings with other run settings. */
  public Settings withRun(RunSettings newRun) {
    return new Settings(audit, newRun, org, rotation);
  }

  /** These settings with other assisted-rotation settings. */
  public Settings withRotation(RotationSettings newRotation) {
    return new Settings(audit, run, org, newRotation);
  }
}
