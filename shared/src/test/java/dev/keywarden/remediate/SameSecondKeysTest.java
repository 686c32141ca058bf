package dev.keywarden.remediate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.KeywardenException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SameSecondKeysTest {
  private static final Instant MADE = Instant.parse("2026-08-01T10:00:00Z");

  /** IAM as it answers for a user whose keys were made in the same second. */
  private record Twins(List<String> active, Map<String, Instant> used, List<String> asked)
      implements AccessKeys {
    Twins(List<String> active) {
      this(active, Map.of(), new ArrayList<>());
    }

    Twins(List<String> active, Map<String, Instant> used) {
      this(active, used, new ArrayList<>());
    }

    @Override
    public Optional<Instant> lastUsed(String userName, String accessKeyId) {
      asked.add(accessKeyId);
      return Optional.ofNullable(used.get(accessKeyId));
    }

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

  private static final Instant USED = Instant.parse("2026-09-01T08:00:00Z");

  /**
   * Slot 1's key, with what the report says of the last use of slot 1 and of its twin in slot 2.
   */
  private static PlannedDeactivation key1(
      Optional<Instant> slot1Used, Optional<Instant> slot2Used) {
    PlannedDeactivation k = key(1);
    return new PlannedDeactivation(
        k.userName(),
        1,
        k.resourceId(),
        MADE,
        k.deadline(),
        k.reason(),
        Optional.of(new ReportedLastUse(slot1Used, slot2Used)));
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

  @Test
  void resolve_whenOnlyOneCondemnedAndItsReportedUseMatchesOneKey_takesThatKey() {
    PlannedDeactivation k = key1(Optional.of(USED), Optional.of(USED.plusSeconds(1)));
    Twins iam =
        new Twins(
            List.of("AKIAA", "AKIAB"),
            Map.of("AKIAA", USED.plusSeconds(1), "AKIAB", USED.plusMillis(999)));

    assertThat(SameSecondKeys.resolve(iam, k, plan(k), List.of())).contains("AKIAB");
    assertThat(iam.asked()).containsExactly("AKIAA", "AKIAB");
  }

  @Test
  void resolve_whenTheCondemnedSlotWasNeverUsedAndOnlyOneKeyWasNot_takesThatKey() {
    PlannedDeactivation k = key1(Optional.empty(), Optional.of(USED));
    Twins iam = new Twins(List.of("AKIAA", "AKIAB"), Map.of("AKIAA", USED.plusSeconds(3_600)));

    assertThat(SameSecondKeys.resolve(iam, k, plan(k), List.of())).contains("AKIAB");
  }

  @Test
  void resolve_whenTheCondemnedSlotWasUsedAndTheOtherNever_takesTheUsedKey() {
    PlannedDeactivation k = key1(Optional.of(USED), Optional.empty());
    Twins iam = new Twins(List.of("AKIAA", "AKIAB"), Map.of("AKIAA", USED));

    assertThat(SameSecondKeys.resolve(iam, k, plan(k), List.of())).contains("AKIAA");
  }

  @Test
  void resolve_whenBothSlotsWereNeverUsed_refusesToGuess() {
    PlannedDeactivation k = key1(Optional.empty(), Optional.empty());
    Twins iam = new Twins(List.of("AKIAA", "AKIAB"), Map.of());

    assertThatThrownBy(() -> SameSecondKeys.resolve(iam, k, plan(k), List.of()))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("last-used dates do not tell them apart");
    assertThat(iam.asked()).isEmpty();
  }

  @Test
  void resolve_whenBothSlotsWereUsedInTheSameSecond_refusesToGuess() {
    PlannedDeactivation k = key1(Optional.of(USED), Optional.of(USED.plusMillis(500)));
    Twins iam = new Twins(List.of("AKIAA", "AKIAB"), Map.of("AKIAA", USED, "AKIAB", USED));

    assertThatThrownBy(() -> SameSecondKeys.resolve(iam, k, plan(k), List.of()))
        .isInstanceOf(KeywardenException.class);
  }

  @Test
  void resolve_whenNoKeyShowsTheCondemnedSlotsUse_refusesToGuess() {
    PlannedDeactivation k = key1(Optional.of(USED), Optional.of(USED.minusSeconds(60)));
    Twins iam =
        new Twins(
            List.of("AKIAA", "AKIAB"),
            Map.of("AKIAA", USED.plusSeconds(1), "AKIAB", USED.plusSeconds(2)));

    assertThatThrownBy(() -> SameSecondKeys.resolve(iam, k, plan(k), List.of()))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("last-used dates do not tell them apart");
  }

  @Test
  void resolve_whenStatusAloneDecides_neverAsksForLastUse() {
    PlannedDeactivation k = key1(Optional.of(USED), Optional.empty());
    Twins iam = new Twins(List.of("AKIAB"), Map.of("AKIAA", USED));

    assertThat(SameSecondKeys.resolve(iam, k, plan(k), List.of())).contains("AKIAB");
    assertThat(iam.asked()).isEmpty();
  }

  @Test
  void sameUse_isExactToTheSecond() {
    assertThat(SameSecondKeys.sameUse(Optional.of(USED), Optional.of(USED.plusMillis(999))))
        .isTrue();
    assertThat(SameSecondKeys.sameUse(Optional.of(USED), Optional.of(USED.plusSeconds(1))))
        .isFalse();
    assertThat(SameSecondKeys.sameUse(Optional.empty(), Optional.of(USED))).isFalse();
    assertThat(SameSecondKeys.sameUse(Optional.empty(), Optional.empty())).isTrue();
  }
}
