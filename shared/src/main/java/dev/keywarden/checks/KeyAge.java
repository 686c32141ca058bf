package dev.keywarden.checks;

import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.CredentialReportRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An active IAM user key with its deadline: last rotation plus the maximum age in force for its
 * user.
 *
 * @param user the user's report row
 * @param slot the key's slot
 * @param rotated when the key was created or last rotated
 * @param maxAgeDays the maximum age in force for the user
 * @param tagged whether the user's tag set that maximum rather than the policy
 */
record KeyAge(
    CredentialReportRow user, AccessKeySlot slot, Instant rotated, int maxAgeDays, boolean tagged) {
  Instant deadline() {
    return rotated.plus(Duration.ofDays(maxAgeDays));
  }

  String resourceId() {
    return Resources.key(user.arn(), slot);
  }

  /**
   * "access_key_1 of alice is 97 days old (max 90)", with the tag named when it set the maximum.
   */
  String describe(Instant asOf) {
    return slot.slotName()
        + " of "
        + user.user()
        + " is "
        + Resources.plural(Resources.days(rotated, asOf), "day")
        + " old (max "
        + maxAgeDays
        + (tagged ? ", from its " + AuditPolicy.MAX_KEY_AGE_TAG + " tag" : "")
        + ")";
  }

  /** Every active key of every IAM user whose last rotation the report gives. */
  static List<KeyAge> of(CheckContext context) {
    List<KeyAge> keys = new ArrayList<>();
    for (CredentialReportRow row : context.inventory().credentialReport().users()) {
      Optional<Integer> tag = UserTags.maxKeyAgeTag(context, row.user());
      int max = tag.orElse(context.policy().maxKeyAgeDays());
      boolean tagged = tag.isPresent();
      for (AccessKeySlot slot : row.activeKeys()) {
        slot.lastRotated()
            .ifPresent(rotated -> keys.add(new KeyAge(row, slot, rotated, max, tagged)));
      }
    }
    return keys;
  }
}
