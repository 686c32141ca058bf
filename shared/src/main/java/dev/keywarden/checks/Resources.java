package dev.keywarden.checks;

import dev.keywarden.inventory.AccessKeySlot;
import java.time.Duration;
import java.time.Instant;

/** Resource ids and the day arithmetic that findings share, so every check spells them alike. */
final class Resources {
  private Resources() {}

  static String rootArn(String accountId) {
    return "arn:aws:iam::" + accountId + ":root";
  }

  static String passwordPolicyArn(String accountId) {
    return "arn:aws:iam::" + accountId + ":account-password-policy";
  }

  static String key(String userArn, AccessKeySlot slot) {
    return userArn + "#" + slot.slotName();
  }

  /** Whole days from {@code from} to {@code to}, rounded down. */
  static long days(Instant from, Instant to) {
    return Duration.between(from, to).toDays();
  }

  /** Whether at least {@code days} whole days have passed from {@code from} to {@code asOf}. */
  static boolean atLeastDaysAgo(Instant from, Instant asOf, int days) {
    return Duration.between(from, asOf).compareTo(Duration.ofDays(days)) >= 0;
  }

  static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
