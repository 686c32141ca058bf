package dev.keywarden.remediate;

import dev.keywarden.findings.AccountStateStore;
import java.util.List;
import java.util.Objects;

/**
 * The part of the account store that remediation writes and reads, so that its logic is tested with
 * a list in memory.
 */
public interface ActionLogStore {
  /** The account's action log, oldest first, read consistently. */
  List<ActionLogEntry> actions(String accountId);

  /**
   * Appends an entry; the same (actionId, phase) twice keeps the first.
   *
   * @return false when that entry was already there
   */
  boolean appendAction(ActionLogEntry entry);

  /** The action log of the account store. */
  static ActionLogStore of(AccountStateStore store) {
    Objects.requireNonNull(store, "store");
    return new ActionLogStore() {
      @Override
      public List<ActionLogEntry> actions(String accountId) {
        return store.load(accountId).actions();
      }

      @Override
      public boolean appendAction(ActionLogEntry entry) {
        return store.appendAction(entry);
      }
    };
  }
}
