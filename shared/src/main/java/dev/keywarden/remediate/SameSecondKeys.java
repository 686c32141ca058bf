package dev.keywarden.remediate;

import dev.keywarden.KeywardenException;
import java.util.List;
import java.util.Optional;

/**
 * Tells apart two keys of one user created in the same second, which the credential report cannot:
 * by what IAM tells of each key. Only the active ones can be condemned; and keys made in the same
 * second have the same age, so when the plan condemns as many of them as are active (deferred by
 * the cap or not), any of them may be taken, each once. Only when that still cannot decide does the
 * deactivation fail, to be told.
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
      throw new KeywardenException(
          ambiguous.getMessage()
              + " (IAM reports "
              + active.size()
              + " of them active and the"
              + " policy condemns "
              + sameSecond.size()
              + ")",
          ambiguous);
    }
  }
}
