package dev.keywarden.config;

import java.util.Objects;

/**
 * All configuration, read and validated once: the checks' thresholds, how runs act, which
 * accounts of the Organization are audited, and how far ahead the security team may exempt a user.
 *
 * @param maxExemptionDays {@code keywarden exempt} grants end at most this many days after today
 */
public record Settings(AuditPolicy audit, RunSettings run, OrgSettings org, int maxExemptionDays) {
  /** The default ceiling of an exemption grant: about six months. */
  public static final int DEFAULT_MAX_EXEMPTION_DAYS = 180;

  public Settings {
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(org, "org");
  }

  /** Settings with the default exemption ceiling. */
  public Settings(AuditPolicy audit, RunSettings run, OrgSettings org) {
    this(audit, run, org, DEFAULT_MAX_EXEMPTION_DAYS);
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
    return new Settings(audit, run, newOrg, maxExemptionDays);
  }
}
