package dev.keywarden.config;

import java.util.Objects;

/**
 * All configuration, read and validated once: the checks' thresholds, how runs act, and which
 * accounts of the Organization are audited.
 */
public record Settings(AuditPolicy audit, RunSettings run, OrgSettings org) {
  public Settings {
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(org, "org");
  }

  /** Settings for one account's run, with the Organization settings at their defaults. */
  public Settings(AuditPolicy audit, RunSettings run) {
    this(audit, run, OrgSettings.defaults());
  }

  public static Settings defaults() {
    return new Settings(AuditPolicy.defaults(), RunSettings.defaults(), OrgSettings.defaults());
  }

  /** These settings with other Organization settings. */
  public Settings withOrg(OrgSettings newOrg) {
    return new Settings(audit, run, newOrg);
  }
}
