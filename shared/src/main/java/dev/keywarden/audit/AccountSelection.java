package dev.keywarden.audit;

import dev.keywarden.config.OrgSettings;
import java.util.List;
import java.util.Set;

/**
 * Decides which accounts of the Organization an audit covers, from the include and exclude lists,
 * so that the rule lives in one pure place and the gateway only reads the tree.
 *
 * <p>An exclusion always wins. With no include list every account is in; with one, an account is in
 * when its id is listed or any OU (or root) above it is.
 *
 * @param includeOus OU or root ids whose accounts, at any depth, are in
 * @param excludeOus OU or root ids whose accounts, at any depth, are out
 * @param includeAccounts account ids that are in
 * @param excludeAccounts account ids that are out
 */
public record AccountSelection(
    Set<String> includeOus,
    Set<String> excludeOus,
    Set<String> includeAccounts,
    Set<String> excludeAccounts) {
  public AccountSelection {
    includeOus = Set.copyOf(includeOus);
    excludeOus = Set.copyOf(excludeOus);
    includeAccounts = Set.copyOf(includeAccounts);
    excludeAccounts = Set.copyOf(excludeAccounts);
  }

  /** Every account. */
  public static AccountSelection all() {
    return new AccountSelection(Set.of(), Set.of(), Set.of(), Set.of());
  }

  /** The selection the settings describe. */
  public static AccountSelection of(OrgSettings org) {
    return new AccountSelection(
        Set.copyOf(org.includeOus()),
        Set.copyOf(org.excludeOus()),
        Set.copyOf(org.includeAccounts()),
        Set.copyOf(org.excludeAccounts()));
  }

  /**
   * True when the answer depends on where accounts sit in the OU tree, so the tree must be read.
   */
  public boolean needsOuTree() {
    return !includeOus.isEmpty() || !excludeOus.isEmpty();
  }

  /**
   * Whether the account is audited.
   *
   * @param accountId the account
   * @param ancestors the ids of the OUs and the root above the account, in any order (empty when
   *     {@link #needsOuTree()} is false)
   */
  public boolean selects(String accountId, List<String> ancestors) {
    if (excludeAccounts.contains(accountId) || ancestors.stream().anyMatch(excludeOus::contains)) {
      return false;
    }
    if (includeOus.isEmpty() && includeAccounts.isEmpty()) {
      return true;
    }
    return includeAccounts.contains(accountId) || ancestors.stream().anyMatch(includeOus::contains);
  }
}
