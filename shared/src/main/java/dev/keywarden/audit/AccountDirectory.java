package dev.keywarden.audit;

import java.util.List;

/** Lists the accounts to audit: Organizations in AWS, a fixed list in tests. */
public interface AccountDirectory {
  /**
   * The active accounts the selection covers, ordered by account id; only the caller's own account
   * when it belongs to no Organization.
   */
  List<MemberAccount> activeAccounts(AccountSelection selection);
}
