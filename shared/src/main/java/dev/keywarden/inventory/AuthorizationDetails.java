package dev.keywarden.inventory;

import java.util.Comparator;
import java.util.List;
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

  /** Every user, sorted by name, so that findings come out in a stable order. */
  public List<IamUser> usersByName() {
    return users.values().stream().sorted(Comparator.comparing(IamUser::name)).toList();
  }

  public Optional<IamUser> user(String name) {
    return Optional.ofNullable(users.get(name));
  }
}
