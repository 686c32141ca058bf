package dev.keywarden.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/** The words of owners' notices: a short subject and a body that says exactly what to do. */
final class NoticeText {
  private NoticeText() {}

  static String subject(String accountId, List<NoticePlanner.Item> items) {
    String keys = items.size() == 1 ? "1 access key" : items.size() + " access keys";
    if (items.get(0).kind() == NoticeKind.DEACTIVATION) {
      return "Keywarden: " + keys + " deactivated in account " + accountId;
    }
    Instant earliest =
        items.stream()
            .map(i -> i.deadline().orElseThrow())
            .min(Comparator.naturalOrder())
            .orElseThrow();
    return "Keywarden: "
        + keys
        + " in "
        + accountId
        + " to rotate by "
        + earliest.truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
  }

  static String body(String accountId, List<NoticePlanner.Item> items, Instant asOf) {
    boolean deactivation = items.get(0).kind() == NoticeKind.DEACTIVATION;
    StringBuilder out = new StringBuilder();
    if (deactivation) {
      out.append("Keywarden deactivated these access keys in AWS account ")
          .append(accountId)
          .append(" because they passed their maximum age. They were not deleted.\n\n");
    } else {
      out.append("These access keys in AWS account ")
          .append(accountId)
          .append(" reach their maximum age soon. Rotate them before the deadline:\n")
          .append("Keywarden deactivates keys that pass it.\n\n");
    }
    for (NoticePlanner.Item item : items) {
      long ageDays = Duration.between(item.lastRotated(), asOf).toDays();
      out.append("- user ")
          .append(clean(item.userName()))
          .append(", access_key_")
          .append(item.slot());
      item.accessKeyId().ifPresent(id -> out.append(" (").append(id).append(")"));
      out.append("\n  created ")
          .append(item.lastRotated())
          .append(", ")
          .append(ageDays)
          .append(ageDays == 1 ? " day" : " days")
          .append(" old\n");
      item.deadline()
          .ifPresent(
              deadline -> {
                out.append("  deadline ")
                    .append(deadline)
                    .append(" (")
                    .append(left(asOf, deadline))
                    .append(")\n");
              });
    }
    String user = items.size() == 1 ? clean(items.get(0).userName()) : "USER";
    if (deactivation) {
      out.append("\nIf an application stopped working, give it a new key:\n");
    } else {
      out.append("\nTo rotate a key:\n");
    }
    out.append("1. Create a new key:   aws iam create-access-key --user-name ")
        .append(user)
        .append('\n')
        .append("2. Put the new key in the application or its secret store, and deploy.\n");
    if (!deactivation) {
      out.append("3. Deactivate the old: aws iam update-access-key --user-name ")
          .append(user)
          .append(" --access-key-id OLD_KEY_ID --status Inactive\n")
          .append("4. When nothing broke, delete it: aws iam delete-access-key --user-name ")
          .append(user)
          .append(" --access-key-id OLD_KEY_ID\n");
    } else {
      out.append(
              "3. When nothing needs the old key, delete it: aws iam delete-access-key --user-name ")
          .append(user)
          .append(" --access-key-id OLD_KEY_ID\n")
          .append(
              "\nIf the old key must work again for a while, ask the security team; they can undo this with\n")
          .append("  keywarden reactivate --account ")
          .append(accountId)
          .append(" --user ")
          .append(user)
          .append(" --key KEY_ID --reason \"...\"\n");
    }
    if (items.stream().anyMatch(NoticePlanner.Item::person)) {
      out.append(
              "\nPeople who sign in to the console should not hold long-term keys at all: use IAM Identity Center\n")
          .append("and 'aws sso login' for short-term credentials instead, then delete the key.\n");
    }
    return out.toString();
  }

  /**
   * Tag-derived text never carries control characters (C0, C1, bidirectional overrides) into a
   * message.
   */
  static String clean(String text) {
    return text.replaceAll("[\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]", "?");
  }

  /**
   * "3 days left", "5 hours left", "40 minutes left", or "passed" only once the deadline is
   * reached.
   */
  static String left(java.time.Instant asOf, java.time.Instant deadline) {
    Duration left = Duration.between(asOf, deadline);
    if (left.isNegative() || left.isZero()) {
      return "passed";
    }
    long hours = left.toHours();
    if (hours >= 48) {
      return (hours / 24) + " days left";
    }
    if (hours >= 1) {
      return hours + (hours == 1 ? " hour left" : " hours left");
    }
    long minutes = Math.max(1, left.toMinutes());
    return minutes + (minutes == 1 ? " minute left" : " minutes left");
  }
}
