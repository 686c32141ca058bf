package dev.keywarden.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an unattended run acts on its findings: where it remembers them, whom it tells, and whether
 * it may deactivate keys.
 *
 * @param enforce true only when configuration says {@code mode = enforce}; otherwise a dry run
 *     reports what it would deactivate and changes nothing in IAM
 * @param deactivationCap at most this many keys are deactivated in one account per run
 * @param noticeStagesDays days before a key's deadline at which its owner is told, most distant
 *     first
 * @param findingsTable the DynamoDB table that remembers findings between runs
 * @param noticesTopicArn the SNS topic for owners' notices; without it no notice is sent
 * @param securityTopicArn the SNS topic for the security team's alerts and digests
 * @param fallbackOwner where notices go for users with no valid owner tag
 * @param historyDays resolved findings and run summaries are kept this long
 * @param leaseSeconds how long one run may hold an account before another may take over
 * @param reportsBucket the S3 bucket the weekly report is written to
 * @param stopMarginSeconds in Lambda, a run starts no new deactivation, notice or account once less
 *     than this remains before the function's timeout; what is left goes to the next run
 * @param securityHub the Security Hub product findings are imported as; empty (the default) sends
 *     nothing
 */
public record RunSettings(
    boolean enforce,
    int deactivationCap,
    List<Integer> noticeStagesDays,
    String findingsTable,
    Optional<String> noticesTopicArn,
    Optional<String> securityTopicArn,
    Optional<String> fallbackOwner,
    int historyDays,
    int leaseSeconds,
    Optional<String> reportsBucket,
    int stopMarginSeconds,
    Optional<SecurityHubSettings> securityHub) {
  public RunSettings {
    noticeStagesDays = List.copyOf(noticeStagesDays);
    Objects.requireNonNull(findingsTable, "findingsTable");
    Objects.requireNonNull(noticesTopicArn, "noticesTopicArn");
    Objects.requireNonNull(securityTopicArn, "securityTopicArn");
    Objects.requireNonNull(fallbackOwner, "fallbackOwner");
    Objects.requireNonNull(reportsBucket, "reportsBucket");
    Objects.requireNonNull(securityHub, "securityHub");
  }

  /** Settings that send nothing to Security Hub. */
  public RunSettings(
      boolean enforce,
      int deactivationCap,
      List<Integer> noticeStagesDays,
      String findingsTable,
      Optional<String> noticesTopicArn,
      Optional<String> securityTopicArn,
      Optional<String> fallbackOwner,
      int historyDays,
      int leaseSeconds,
      Optional<String> reportsBucket,
      int stopMarginSeconds) {
    this(
        enforce,
        deactivationCap,
        noticeStagesDays,
        findingsTable,
        noticesTopicArn,
        securityTopicArn,
        fallbackOwner,
        historyDays,
        leaseSeconds,
        reportsBucket,
        stopMarginSeconds,
        Optional.empty());
  }

  /**
   * The same settings with another fallback owner: an account's own owner tag, for that account's
   * run.
   */
  public RunSettings withFallbackOwner(Optional<String> owner) {
    return new RunSettings(
        enforce,
        deactivationCap,
        noticeStagesDays,
        findingsTable,
        noticesTopicArn,
        securityTopicArn,
        owner,
        historyDays,
        leaseSeconds,
        reportsBucket,
        stopMarginSeconds,
        securityHub);
  }

  /**
   * Dry run, cap 20, notices at 14, 7 and 1 days, table {@code keywarden-findings}, 400 days of
   * history, 900 s leases, a 60 s stop margin, nothing sent to Security Hub.
   */
  public static RunSettings defaults() {
    return new RunSettings(
        false,
        20,
        List.of(14, 7, 1),
        "keywarden-findings",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        400,
        900,
        Optional.empty(),
        60);
  }
}
