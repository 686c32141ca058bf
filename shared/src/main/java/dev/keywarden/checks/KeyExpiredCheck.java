package dev.keywarden.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags active keys past their maximum age: the ones enforce mode deactivates. */
public final class KeyExpiredCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "key-expired",
              "Access key is older than its maximum age",
              "An active IAM user key whose deadline (last rotation plus `max-key-age-days`, 90, or the user's `keywarden:max-key-age` tag) is at or before the as-of time.",
              Severity.HIGH,
              List.of("1.14"),
              List.of("IAM.3"),
              "Rotate now: create a new access key, update the application to use it, deactivate the expired key and watch for"
                  + " failures, then delete it. In enforce mode Keywarden deactivates expired keys (it never deletes them);"
                  + " `keywarden reactivate` undoes that while the rotation is finished.")
          .withTraits(CheckTrait.KEY_DEADLINE, CheckTrait.USER_ROWS);

  KeyExpiredCheck() {}

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
    List<Finding> findings = new ArrayList<>();
    for (KeyAge key : KeyAge.of(context)) {
      if (!context.asOf().isBefore(key.deadline())) {
        String message = key.describe(context.asOf()) + ": deadline was " + key.deadline();
        findings.add(
            Finding.of(METADATA, context.accountId(), key.user().user(), key.resourceId(), message)
                .withDeadline(key.deadline()));
      }
    }
    return CheckOutcome.of(findings);
  }
}
