package dev.keywarden.remediate;

import dev.keywarden.KeywardenException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Tells apart two keys of one user created in the same second, which the credential report cannot:
 * by what IAM tells of each key. Only the active ones can be condemned; and keys made in the same
 * second have the same age, so when the plan condemns as many of them as are active (deferred by
 * the cap or not), any of them may be taken, each once. When both are active and only one is
 * condemned, the report's last-used date of each slot is matched against {@code
 * iam:GetAccessKeyLastUsed} of each key (asked only for this user). Only when that still cannot
 * decide does the deactivation fail, to be told.
 */
final class SameSecondKeys {
  private SameSecondKeys() {}

  /**
   * The key's id, as {@link AccessKeys#accessKeyId}, resolving the same-second case.
   *
   * @throws KeywardenException when IAM's answer still cannot decide which key is meant
   */
  static Optional<String> resolve(
      AccessKeys keys,
      PlannedDeactivation key,
      DeactivationPlan plan,
      List<DeactivatedKey> alreadyThisRun) {
    try {
      return keys.accessKeyId(key.userName(), key.lastRotated());
    } catch (KeywardenException ambiguous) {
      List<String> active = keys.activeKeyIds(key.userName(), key.lastRotated());
      if (active.size() == 1) {
        return Optional.of(active.get(0));
      }
      List<PlannedDeactivation> sameSecond =
          java.util.stream.Stream.concat(plan.deactivate().stream(), plan.deferred().stream())
              .filter(
                  p ->
                      p.userName().equals(key.userName())
                          && p.lastRotated().equals(key.lastRotated()))
              .sorted(java.util.Comparator.comparingInt(PlannedDeactivation::slot))
              .toList();
      if (active.size() > 1 && sameSecond.size() == active.size()) {
        List<String> taken = alreadyThisRun.stream().map(DeactivatedKey::accessKeyId).toList();
        return active.stream()
            .filter(id -> !taken.contains(id))
            .findFirst()
            .or(() -> Optional.of(active.get(0)));
      }
      if (active.size() > 1 && key.reportedUse().isPresent()) {
        Optional<String> byUse = byLastUse(keys, key, active, key.reportedUse().get());
        if (byUse.isPresent()) {
          return byUse;
        }
      }
      throw new KeywardenException(
          ambiguous.getMessage()
              + " (IAM reports "
              + active.size()
              + " of them active and the"
              + " policy condemns "
              + sameSecond.size()
              + (key.reportedUse().isPresent() && active.size() > 1
                  ? "; their last-used dates do not tell them apart either"
                  : "")
              + ")",
          ambiguous);
    }
  }

  /**
   * The one active key whose last use in IAM is the condemned slot's in the report, when the two
   * slots' reported uses differ: a key's last use only moves forward, to after the report, so the
   * other slot's key can never show the condemned slot's earlier date. Asks {@code
   * iam:GetAccessKeyLastUsed} once per active key, only for this user.
   */
  private static Optional<String> byLastUse(
      AccessKeys keys, PlannedDeactivation key, List<String> active, ReportedLastUse reported) {
    if (sameUse(reported.slot(), reported.otherSlot())) {
      return Optional.empty();
    }
    List<String> matching =
        active.stream()
            .filter(id -> sameUse(keys.lastUsed(key.userName(), id), reported.slot()))
            .toList();
    return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
  }

  /** Both never used, or both used in the same second. */
  static boolean sameUse(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    return a.get().truncatedTo(ChronoUnit.SECONDS).equals(b.get().truncatedTo(ChronoUnit.SECONDS));
  }
}
