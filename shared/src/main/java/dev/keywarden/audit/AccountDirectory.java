package dev.keywarden.audit;

import java.util.List;
import java.util.Map;

/** Lists the accounts to audit: Organizations in AWS, a fixed list in tests. */
public interface AccountDirectory {
  /**
   * The active accounts the selection covers, ordered by account id; only the caller's own account
   * when it belongs to no Organization.
   */
  List<MemberAccount> activeAccounts(AccountSelection selection);

  /**
   * The account's own tags (in AWS, its tags in Organizations), where its owner may be named; empty
   * when it has none or they cannot be read, since an owner is a fallback and never a reason to
   * skip an account.
   */
  default Map<String, String> tags(String accountId) {
    return Map.of();
  }
}
