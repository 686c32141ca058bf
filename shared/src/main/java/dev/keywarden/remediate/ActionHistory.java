package dev.keywarden.remediate;

import dev.keywarden.remediate.ActionLogEntry.Kind;
import dev.keywarden.remediate.ActionLogEntry.Phase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A working copy of one account's action log: what was read at the start of the run plus what this
 * run appended, so that every decision sees the run's own writes.
 */
final class ActionHistory {
  static final String DEACTIVATED = "deactivated";
  static final String ALREADY_INACTIVE = "already-inactive";
  static final String REACTIVATED = "reactivated";
  static final String FAILED_PREFIX = "failed: ";

  private final List<ActionLogEntry> entries;

  ActionHistory(List<ActionLogEntry> entries) {
    this.entries = new ArrayList<>(entries);
  }

  static String failed(String why) {
    return FAILED_PREFIX + why;
  }

  void add(ActionLogEntry entry) {
    entries.add(entry);
  }

  boolean has(String actionId, Phase phase) {
    return entries.stream().anyMatch(e -> e.actionId().equals(actionId) && e.phase() == phase);
  }

  /** Intents without a result, oldest first: actions a crash may have interrupted. */
  List<ActionLogEntry> unfinished() {
    return entries.stream()
        .filter(e -> e.phase() == Phase.INTENT && !has(e.actionId(), Phase.RESULT))
        .toList();
  }

  /**
   * The action ids of the attempts of one deactivation: {@code base}, then {@code base#2}, {@code
   * base#3}...
   */
  List<String> attempts(String base) {
    Set<String> ids = new LinkedHashSet<>();
    entries.stream()
        .map(ActionLogEntry::actionId)
        .filter(id -> id.equals(base) || id.startsWith(base + "#"))
        .forEach(ids::add);
    return List.copyOf(ids);
  }

  /**
   * The last result that changed the key as intended: a confirmed deactivation ({@code
   * deactivated}, {@code already-inactive}) or a confirmed reactivation; empty when Keywarden never
   * changed it.
   */
  Optional<ActionLogEntry> lastConfirmed(String userName, String accessKeyId) {
    ActionLogEntry last = null;
    for (ActionLogEntry e : entries) {
      if (e.phase() == Phase.RESULT
          && e.userName().equals(userName)
          && e.accessKeyId().equals(accessKeyId)
          && confirmed(e)) {
        last = e;
      }
    }
    return Optional.ofNullable(last);
  }

  static boolean confirmed(ActionLogEntry result) {
    String outcome = result.outcome().orElse("");
    return result.kind() == Kind.DEACTIVATE
        ? outcome.equals(DEACTIVATED) || outcome.equals(ALREADY_INACTIVE)
        : outcome.equals(REACTIVATED);
  }
}
