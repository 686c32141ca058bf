package dev.keywarden.config;

import java.util.Objects;

/** All configuration, read and validated once: the checks' thresholds and how runs act. */
public record Settings(AuditPolicy audit, RunSettings run) {
  public Settings {
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(run, "run");
  }

  public static Settings defaults() {
    return new Settings(AuditPolicy.defaults(), RunSettings.defaults());
  }
}
