package dev.keywarden.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Warns an owner before an active key reaches its maximum age, while there is time to rotate it
 * calmly.
 */
public final class KeyRotationDueCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "key-rotation-due",
              "Access key reaches its maximum age soon",
              "An active IAM user key whose deadline is not reached yet and is at most `notice-window-days` (14) away.",
              Severity.LOW,
              List.of("1.14"),
              List.of("IAM.3"),
              "Rotate the key before its deadline: create a second access key, update the application or profile to use it,"
                  + " deactivate the old key and check nothing fails, then delete the old key. Where possible replace long-term keys"
                  + " with short-term credentials (IAM roles, IAM Identity Center).")
          .withTraits(CheckTrait.KEY_DEADLINE, CheckTrait.USER_ROWS);

  KeyRotationDueCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    Optional<String> missing = Needs.columns(context, Needs.KEYS_ROTATED);
    if (missing.isPresent()) {
      return CheckOutcome.skipped(missing.get());
    }
    Instant asOf = context.asOf();
    Duration window = Duration.ofDays(context.policy().noticeWindowDays());
    List<Finding> findings = new ArrayList<>();
    for (KeyAge key : KeyAge.of(context)) {
      Instant deadline = key.deadline();
      if (asOf.isBefore(deadline) && Duration.between(asOf, deadline).compareTo(window) <= 0) {
        long left = Resources.days(asOf, deadline);
        String message =
            key.describe(asOf)
                + ": rotate it before "
                + deadline
                + " ("
                + (left == 0 ? "less than a day" : Resources.plural(left, "day"))
                + " left)";
        findings.add(
            Finding.of(METADATA, context.accountId(), key.user().user(), key.resourceId(), message)
                .withDeadline(deadline));
      }
    }
    return CheckOutcome.of(findings);
  }
}
