package dev.keywarden.remediate;

import java.util.Objects;

/**
 * The outcome of undoing one deactivation, for the command to show.
 *
 * @param actionId the reactivation's id in the action log
 * @param message what was done, and that the next run deactivates the key again unless it is
 *     rotated or its user exempted
 */
public record Reactivation(String actionId, String message) {
  public Reactivation {
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(message, "message");
  }
}
