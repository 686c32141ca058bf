package dev.keywarden.audit;

import java.util.Map;

/** Who owns the keys near or past their deadline, kept per account for the weekly report. */
public interface OwnerStore {
  /**
   * Who owns the users whose keys near or pass their deadline, principal to address, as of the last
   * run that changed it: the weekly report names them. Empty when never stored.
   */
  Map<String, String> owners(String accountId);

  /** Replaces the account's key owners. */
  void putOwners(String accountId, Map<String, String> owners);
}
