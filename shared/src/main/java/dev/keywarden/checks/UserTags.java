package dev.keywarden.checks;

import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.IamUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the per-user tags Keywarden understands: key-age override and owner. */
final class UserTags {
  static final int MAX_KEY_AGE_LIMIT = 3650;
  private static final Pattern INTEGER = Pattern.compile("[0-9]{1,9}");

  /**
   * Letters, digits and the RFC 5322 atom characters before the {@code @}, letters, digits and
   * hyphens in each domain label: markup, quotes, spaces and control characters are not an address.
   */
  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");

  private UserTags() {}

  /**
   * The override of the maximum key age the user's tag gives, when the tag is present and valid.
   */
  static Optional<Integer> maxKeyAge(Map<String, String> tags) {
    String value = tags.get(AuditPolicy.MAX_KEY_AGE_TAG);
    if (value == null || !INTEGER.matcher(value.trim()).matches()) {
      return Optional.empty();
    }
    int days = Integer.parseInt(value.trim());
    return days >= 1 && days <= MAX_KEY_AGE_LIMIT ? Optional.of(days) : Optional.empty();
  }

  /** What is wrong with the user's key-age tag, if it is present and malformed. */
  static Optional<String> maxKeyAgeProblem(Map<String, String> tags) {
    String value = tags.get(AuditPolicy.MAX_KEY_AGE_TAG);
    if (value == null || maxKeyAge(tags).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        AuditPolicy.MAX_KEY_AGE_TAG
            + " is '"
            + value
            + "', not a whole number of days from 1 to "
            + MAX_KEY_AGE_LIMIT
            + " (the policy default applies instead)");
  }

  /**
   * The user's valid key-age tag as far as it is honoured: a tag may only tighten the policy by
   * itself; one longer than the policy's maximum counts only while a central grant covering {@code
   * key-expired} is in force for the user. Offline tags are not known and the policy applies.
   */
  static Optional<Integer> maxKeyAgeTag(CheckContext context, String userName) {
    return requestedMaxKeyAge(context, userName)
        .filter(
            days -> days <= context.policy().maxKeyAgeDays() || loosenedByGrant(context, userName));
  }

  /** The user's valid key-age tag, honoured or not. */
  static Optional<Integer> requestedMaxKeyAge(CheckContext context, String userName) {
    return context
        .inventory()
        .authorization()
        .flatMap(a -> a.user(userName))
        .flatMap(u -> maxKeyAge(u.tags()));
  }

  static boolean loosenedByGrant(CheckContext context, String userName) {
    return context
        .grantInForce(userName)
        .filter(g -> g.covers(KeyExpiredCheck.METADATA.id()))
        .isPresent();
  }

  /** The first owner tag, in the policy's order, with a non-blank value: key and value. */
  static Optional<Map.Entry<String, String>> owner(IamUser user, List<String> ownerTagKeys) {
    for (String key : ownerTagKeys) {
      String value = user.tags().get(key);
      if (value != null && !value.isBlank()) {
        return Optional.of(Map.entry(key, value.trim()));
      }
    }
    return Optional.empty();
  }

  static boolean plausibleEmail(String value) {
    return EMAIL.matcher(value).matches();
  }
}
