package dev.keywarden.checks;

import dev.keywarden.inventory.IamUser;
import java.util.List;
import java.util.Optional;

/**
 * Who owns an IAM user, by the same tag rules that {@code owner-missing} checks, for routing
 * notices.
 */
public final class Owners {
  private Owners() {}

  /**
   * The first owner tag of an account (its tags in Organizations), in the configured order, when
   * that value is an e-mail address: the owner of the account's users that have no valid owner tag
   * themselves.
   */
  public static Optional<String> accountOwner(
      java.util.Map<String, String> accountTags, List<String> ownerTagKeys) {
    for (String key : ownerTagKeys) {
      String value = accountTags.get(key);
      if (value != null && !value.isBlank()) {
        return Optional.of(value.trim()).filter(UserTags::plausibleEmail);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a value is taken for an e-mail address, as owner tags must be: for owners that arrive
   * from elsewhere.
   */
  public static boolean isAddress(String value) {
    return value != null && UserTags.plausibleEmail(value);
  }

  /**
   * The first owner tag, in the configured order, with a non-blank value, when that value is an
   * e-mail address; empty when the user has no such tag or its value is not an address.
   */
  public static Optional<String> validOwner(IamUser user, List<String> ownerTagKeys) {
    return UserTags.owner(user, ownerTagKeys)
        .map(e -> e.getValue())
        .filter(UserTags::plausibleEmail);
  }
}
