package dev.keywarden.remediate;

import java.util.List;

/**
 * The append-only log of deactivations and undos that remediation writes and reads, so that its
 * logic is tested with a list in memory.
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
}
