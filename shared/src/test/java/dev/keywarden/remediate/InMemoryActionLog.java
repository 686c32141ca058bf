package dev.keywarden.remediate;

import dev.keywarden.remediate.ActionLogEntry.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The action log in a list, append-only and idempotent per (actionId, phase) like the store; can
 * crash on a chosen write.
 */
final class InMemoryActionLog implements ActionLogStore {
  private final List<ActionLogEntry> entries = new ArrayList<>();
  private final List<String> events;
  private Predicate<ActionLogEntry> crashOn = e -> false;

  InMemoryActionLog(List<String> events) {
    this.events = events;
  }

  /** The next write matching the predicate crashes the process instead of being stored. */
  void crashOnce(Predicate<ActionLogEntry> when) {
    this.crashOn =
        e -> {
          if (when.test(e)) {
            crashOn = x -> false;
            return true;
          }
          return false;
        };
  }

  @Override
  public List<ActionLogEntry> actions(String accountId) {
    return entries.stream().filter(e -> e.accountId().equals(accountId)).toList();
  }

  @Override
  public boolean appendAction(ActionLogEntry entry) {
    if (crashOn.test(entry)) {
      throw new Crash("crash before writing " + entry.phase() + " " + entry.actionId());
    }
    boolean present =
        entries.stream()
            .anyMatch(e -> e.actionId().equals(entry.actionId()) && e.phase() == entry.phase());
    if (present) {
      return false;
    }
    entries.add(entry);
    events.add("append " + entry.phase() + " " + entry.actionId());
    return true;
  }

  List<ActionLogEntry> entries() {
    return List.copyOf(entries);
  }

  List<ActionLogEntry> entries(Phase phase) {
    return entries.stream().filter(e -> e.phase() == phase).toList();
  }

  /** The action log as the next run would load it. */
  List<ActionLogEntry> history() {
    return List.copyOf(entries);
  }

  /** Stands for the process dying: nothing catches it. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String message) {
      super(message);
    }
  }
}
