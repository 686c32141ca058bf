package dev.keywarden.remediate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.KeywardenException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SameSecondKeysTest {
  private static final Instant MADE = Instant.parse("2026-08-01T10:00:00Z");

  /** IAM as it answers for a user whose keys were made in the same second. */
  private record Twins(List<String> active) implements AccessKeys {
    @Override
    public Optional<String> accessKeyId(String userName, Instant lastRotated) {
      throw new KeywardenException(
          "keys of user " + userName + " were all created at " + lastRotated);
    }

    @Override
    public List<String> activeKeyIds(String userName, Instant lastRotated) {
      return active;
    }

    @Override
    public KeyStatus status(String userName, String accessKeyId) {
      return active.contains(accessKeyId) ? KeyStatus.ACTIVE : KeyStatus.INACTIVE;
    }

    @Override
    public void deactivate(String userName, String accessKeyId) {}

    @Override
    public void reactivate(String userName, String accessKeyId) {}

    @Override
    public KeyStatus awaitStatus(String userName, String accessKeyId, KeyStatus expected) {
      return expected;
    }
  }

  private static PlannedDeactivation key(int slot) {
    return new PlannedDeactivation(
        "svc",
        slot,
        "arn:aws:iam::123456789012:user/svc#access_key_" + slot,
        MADE,
        MADE.plusSeconds(86_400 * 90),
        "expired");
  }

  private static DeactivationPlan plan(PlannedDeactivation... keys) {
    return new DeactivationPlan(List.of(keys), List.of(), List.of(), List.of());
  }

  @Test
  void resolve_whenOnlyOneOfTheTwinsIsActive_takesIt() {
    assertThat(SameSecondKeys.resolve(new Twins(List.of("AKIAB")), key(1), plan(key(1)), List.of()))
        .contains("AKIAB");
  }

  @Test
  void resolve_whenBothTwinsActiveAndBothCondemned_takesEachOnce() {
    DeactivationPlan plan = plan(key(1), key(2));
    Twins iam = new Twins(List.of("AKIAA", "AKIAB"));

    String first = SameSecondKeys.resolve(iam, key(1), plan, List.of()).orElseThrow();
    String second =
        SameSecondKeys.resolve(iam, key(2), plan, List.of(DeactivatedKey.of(key(1), first)))
            .orElseThrow();

    assertThat(List.of(first, second)).containsExactly("AKIAA", "AKIAB");
  }

  @Test
  void resolve_whenTheCapDefersTheOtherTwin_takesOneOfThem() {
    DeactivationPlan plan =
        new DeactivationPlan(List.of(key(1)), List.of(key(2)), List.of(), List.of());

    assertThat(
            SameSecondKeys.resolve(new Twins(List.of("AKIAA", "AKIAB")), key(1), plan, List.of()))
        .contains("AKIAA");
  }

  @Test
  void resolve_whenBothTwinsActiveAndOnlyOneCondemned_refusesToGuess() {
    assertThatThrownBy(
            () ->
                SameSecondKeys.resolve(
                    new Twins(List.of("AKIAA", "AKIAB")), key(1), plan(key(1)), List.of()))
        .isInstanceOf(KeywardenException.class)
        .hasMessageEndingWith("(IAM reports 2 of them active and the policy condemns 1)");
  }
}
