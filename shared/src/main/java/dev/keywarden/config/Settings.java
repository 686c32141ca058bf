package dev.keywarden.config;

import java.util.Objects;

/**
 * All configuration, read and validated once: the checks' thresholds, how runs act, which accounts
 * of the Organization are audited, assisted rotation, and how far ahead the security team may
 * exempt a user.
 *
 * @param rotation where and how Keywarden rotates keys itself
 * @param maxExemptionDays {@code keywarden exempt} grants end at most this many days after today
 */
public record Settings(
    AuditPolicy audit,
    RunSettings run,
    OrgSettings org,
    RotationSettings rotation,
    int maxExemptionDays) {
  /** The default ceiling of an exemption grant: about six months. */
  public static final int DEFAULT_MAX_EXEMPTION_DAYS = 180;

  public Settings {
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(rotation, "rotation");
  }

  /** Settings with the default exemption ceiling. */
  public Settings(AuditPolicy audit, RunSettings run, OrgSettings org, RotationSettings rotation) {
    this(audit, run, org, rotation, DEFAULT_MAX_EXEMPTION_DAYS);
  }

  /** Settings with assisted rotation off. */
  public Settings(AuditPolicy audit, RunSettings run, OrgSettings org, int maxExemptionDays) {
    this(audit, run, org, RotationSettings.defaults(), maxExemptionDays);
  }

  /** Settings with assisted rotation off and the default exemption ceiling. */
  public Settings(AuditPolicy audit, RunSettings run, OrgSettings org) {
    this(audit, run, org, RotationSettings.defaults(), DEFAULT_MAX_EXEMPTION_DAYS);
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
    return new Settings(audit, run, newOrg, rotation, maxExemptionDays);
  }

  /** These settings with other run settings. */
  public Settings withRun(RunSettings newRun) {
    return new Settings(audit, newRun, org, rotation, maxExemptionDays);
  }

  /** These settings with other assisted-rotation settings. */
  public Settings withRotation(RotationSettings newRotation) {
    return new Settings(audit, run, org, newRotation, maxExemptionDays);
  }
}
