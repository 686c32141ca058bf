package dev.keywarden.rotate;

import dev.keywarden.checks.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What assisted rotation will do in one account in one run, decided before any call.
 *
 * @param create users that get a new key now
 * @param blocked users whose key is due but who have no free key slot (or a name no secret can
 *     carry)
 * @param watching rotations in progress, with what the credential report says of both keys
 * @param finished rotations whose old key is no longer active, to be recorded as completed
 * @param blockedFindings one {@code rotation-blocked} finding per blocked user
 * @param handledKeys resource ids of the old keys whose reminders the rotation sends instead of the
 *     ordinary rotation notice
 */
public record RotationPlan(
    List<Creation> create,
    List<Blocked> blocked,
    List<Watching> watching,
    List<RotationRecord> finished,
    List<Finding> blockedFindings,
    Set<String> handledKeys) {

  public RotationPlan {
    create = List.copyOf(create);
    blocked = List.copyOf(blocked);
    watching = List.copyOf(watching);
    finished = List.copyOf(finished);
    blockedFindings = List.copyOf(blockedFindings);
    handledKeys = Set.copyOf(handledKeys);
  }

  public static RotationPlan empty() {
    return new RotationPlan(List.of(), List.of(), List.of(), List.of(), List.of(), Set.of());
  }

  /** The key a user's rotation replaces, named as the credential report and the notices name it. */
  public record OldKey(
      String userName, int slot, String resourceId, Instant created, Instant deadline) {}

  /**
   * A user that gets a new key in this run.
   *
   * @param stage the notice stage the owner's notice claims for the old key
   * @param secretName where the new key goes
   */
  public record Creation(OldKey old, String stage, String secretName) {}

  /**
   * A user whose key is due and who cannot get a new key.
   *
   * @param stage the notice stage to claim for the old key, when one is due and not yet claimed
   */
  public record Blocked(OldKey old, Optional<String> stage, String reason) {}

  /**
   * A rotation in progress.
   *
   * @param newKeyLastUsed when the new key was last used, per the credential report
   * @param oldKeyLastUsed when the old key was last used, per the credential report
   * @param cutOverCandidate the new key was used and the old key has been quiet long enough, before
   *     the deadline: the old key is deactivated once {@code iam:GetAccessKeyLastUsed} confirms the
   *     quiet
   * @param stage the notice stage to claim, when one is due and not yet claimed
   */
  public record Watching(
      RotationRecord rotation,
      OldKey old,
      Optional<Instant> newKeyLastUsed,
      Optional<Instant> oldKeyLastUsed,
      boolean newKeyActive,
      boolean cutOverCandidate,
      Optional<String> stage) {}
}
