package dev.keywarden.inventory;

import java.util.Map;
import java.util.Optional;

/**
 * Users and groups as {@code GetAccountAuthorizationDetails} describes them, keyed by name.
 *
 * @param users IAM users by user name
 * @param groups IAM groups by group name
 */
public record AuthorizationDetails(Map<String, IamUser> users, Map<String, IamGroup> groups) {
  public AuthorizationDetails {
    users = Map.copyOf(users);
    groups = Map.copyOf(groups);
  }

  public Optional<IamUser> user(String name) {
    return Optional.ofNullable(users.get(name));
  }
}
