package dev.keywarden.checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every check Keywarden runs, in the stable order reports and documentation list them. */
public final class CheckCatalog {
  private static final List<Check> ALL =
      List.of(
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
          new InventoryGapCheck(),
          new SigningCertOldCheck(),
          new SshKeyOldCheck(),
          new ServiceCredentialOldCheck(),
          new ServerCertExpiredCheck(),
          new ServerCertExpiringCheck(),
          new RoleUnusedCheck(),
          new RoleFullAdminCheck(),
          new GroupFullAdminCheck(),
          new PolicyFullAdminCheck(),
          new PolicyServiceWildcardCheck(),
          new RoleTrustOpenCheck(),
          new SupportRoleMissingCheck(),
          new CloudshellFullAccessCheck(),
          new AdminNoHardwareMfaCheck(),
          new PasswordPolicyUppercaseCheck(),
          new PasswordPolicyLowercaseCheck(),
          new PasswordPolicyNumbersCheck(),
          new PasswordPolicySymbolsCheck(),
          new PasswordPolicyExpiryCheck(),
          new AccessAnalyzerDisabledCheck(),
          new RootAccessNotCentralizedCheck(),
          new ExemptionRequestedCheck());
  private static final Map<String, Check> BY_ID = byId(ALL);

  private CheckCatalog() {}

  public static List<Check> all() {
    return ALL;
  }

  public static Optional<Check> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /** Whether the check with this id has the trait; false for an id the catalogue does not hold. */
  public static boolean has(String checkId, CheckTrait trait) {
    Check check = BY_ID.get(checkId);
    return check != null && check.metadata().has(trait);
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
