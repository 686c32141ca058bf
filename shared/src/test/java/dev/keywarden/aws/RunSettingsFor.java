package dev.keywarden.aws;

import dev.keywarden.config.RunSettings;
import java.util.Optional;

/**
 * The run settings of the emulator tests: the defaults but for what those tests vary, the mode, the
 * deactivation cap, the findings table and the two topics.
 */
final class RunSettingsFor {
  private RunSettingsFor() {}

  /**
   * Enforce mode with at most 20 deactivations a run, in the default findings table; a topic left
   * empty is not published to.
   */
  static RunSettings enforcing(
      Optional<String> noticesTopicArn, Optional<String> securityTopicArn) {
    return run(true, 20, RunSettings.defaults().findingsTable(), noticesTopicArn, securityTopicArn);
  }

  /** The defaults but for these; a topic left empty is not published to. */
  static RunSettings run(
      boolean enforce,
      int deactivationCap,
      String findingsTable,
      Optional<String> noticesTopicArn,
      Optional<String> securityTopicArn) {
    RunSettings d = RunSettings.defaults();
    return new RunSettings(
        enforce,
        deactivationCap,
        d.noticeStagesDays(),
        findingsTable,
        noticesTopicArn,
        securityTopicArn,
        Optional.empty(),
        d.historyDays(),
        d.leaseSeconds(),
        Optional.empty(),
        d.stopMarginSeconds());
  }
}
