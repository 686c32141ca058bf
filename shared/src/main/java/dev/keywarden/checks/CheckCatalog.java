package dev.keywarden.checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every check Keywarden runs, in the stable order reports and documentation list them. */
public final class CheckCatalog {
  private static final List<Check> ALL = List.of(
      new KeyRotationDueCheck(),
      new KeyExpiredCheck(),
      new KeyUnusedCheck(),
      new KeyCreatedWithUserCheck(),
      new MultipleActiveKeysCheck(),
      new ConsoleWithoutMfaCheck(),
      new ConsoleUnusedCheck(),
      new RootAccessKeyCheck(),
      new RootNoMfaCheck(),
      new RootNoHardwareMfaCheck(),
      new RootRecentlyUsedCheck(),
      new PasswordPolicyWeakCheck(),
      new UserDirectPoliciesCheck(),
      new UserFullAdminCheck(),
      new HumanLongTermKeyCheck(),
      new OwnerMissingCheck(),
      new AccountNotAuditedCheck(),
      new TagInvalidCheck(),
      new ExemptionRequestedCheck());
  private static final Map<String, Check> BY_ID = byId(ALL);

  private CheckCatalog() {}

  public static List<Check> all() {
    return ALL;
  }

  public static Optional<Check> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /** Every check id, for validating configuration and exemption tags. */
  public static Set<String> ids() {
    return BY_ID.keySet();
  }

  private static Map<String, Check> byId(List<Check> checks) {
    Map<String, Check> map = new LinkedHashMap<>();
    for (Check check : checks) {
      if (map.put(check.metadata().id(), check) != null) {
        throw new IllegalStateException("two checks share the id " + check.metadata().id());
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
