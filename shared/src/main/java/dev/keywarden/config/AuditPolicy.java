package dev.keywarden.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The thresholds the checks apply, validated when configuration is read.
 *
 * @param maxKeyAgeDays an access key's deadline is its last rotation plus this many days
 * @param noticeWindowDays {@code key-rotation-due} fires when the deadline is at most this far away
 * @param unusedDays keys and passwords unused this long are {@code key-unused} / {@code
 *     console-unused}
 * @param rootWindowDays root use within this many days is {@code root-recently-used}
 * @param minPasswordLength the password policy's minimum length must be at least this
 * @param passwordReusePrevention the password policy must remember at least this many passwords
 * @param ownerTagKeys user tags that name an owner, first match wins
 * @param credentialReportWait how long to wait for IAM to generate the credential report
 * @param sshKeyMaxUsers SSH public keys cost one IAM call per user: they are read only in accounts
 *     of at most this many users (0: never, the default)
 */
public record AuditPolicy(
    int maxKeyAgeDays,
    int noticeWindowDays,
    int unusedDays,
    int rootWindowDays,
    int minPasswordLength,
    int passwordReusePrevention,
    List<String> ownerTagKeys,
    Duration credentialReportWait,
    int sshKeyMaxUsers) {

  /** User tag that overrides the maximum key age for that user, in whole days. */
  public static final String MAX_KEY_AGE_TAG = "keywarden:max-key-age";

  /** User tag: the date (YYYY-MM-DD, inclusive) until which the user is exempt. */
  public static final String EXEMPT_UNTIL_TAG = "keywarden:exempt-until";

  /** User tag: why the user is exempt; required with {@link #EXEMPT_UNTIL_TAG}. */
  public static final String EXEMPT_REASON_TAG = "keywarden:exempt-reason";

  /** User tag: space-separated check ids the exemption covers; all user checks when absent. */
  public static final String EXEMPT_CHECKS_TAG = "keywarden:exempt-checks";

  public AuditPolicy {
    ownerTagKeys = List.copyOf(ownerTagKeys);
    Objects.requireNonNull(credentialReportWait, "credentialReportWait");
    if (sshKeyMaxUsers < 0) {
      throw new IllegalArgumentException(
          "sshKeyMaxUsers must not be negative, was " + sshKeyMaxUsers);
    }
  }

  /** The thresholds without SSH public key reads. */
  public AuditPolicy(
      int maxKeyAgeDays,
      int noticeWindowDays,
      int unusedDays,
      int rootWindowDays,
      int minPasswordLength,
      int passwordReusePrevention,
      List<String> ownerTagKeys,
      Duration credentialReportWait) {
    this(
        maxKeyAgeDays,
        noticeWindowDays,
        unusedDays,
        rootWindowDays,
        minPasswordLength,
        passwordReusePrevention,
        ownerTagKeys,
        credentialReportWait,
        0);
  }

  /**
   * The same thresholds with SSH public keys read in accounts of at most {@code maxUsers} users.
   */
  public AuditPolicy withSshKeyMaxUsers(int maxUsers) {
    return new AuditPolicy(
        maxKeyAgeDays,
        noticeWindowDays,
        unusedDays,
        rootWindowDays,
        minPasswordLength,
        passwordReusePrevention,
        ownerTagKeys,
        credentialReportWait,
        maxUsers);
  }

  /** The documented defaults: 90-day keys, 14-day notice, 45 days unused, 30-day root window. */
  public static AuditPolicy defaults() {
    return new AuditPolicy(
        90,
        14,
        45,
        30,
        14,
        24,
        List.of("owner", "Owner", "email", "keywarden:owner"),
        Duration.ofMinutes(2));
  }
}
