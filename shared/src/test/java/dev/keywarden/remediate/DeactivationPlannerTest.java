package dev.keywarden.remediate;

import static dev.keywarden.remediate.PlannerFixture.ACCOUNT;
import static dev.keywarden.remediate.PlannerFixture.resourceId;
import static dev.keywarden.remediate.PlannerFixture.rotated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.keywarden.InvalidInputException;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.KeyRotationDueCheck;
import dev.keywarden.checks.Severity;
import dev.keywarden.inventory.AccessKeySlot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DeactivationPlannerTest {
  private static final Optional<String> NO_CALLER = Optional.empty();

  @Test
  void plan_whenKeyExpired_carriesSlotRotationDeadlineAndReason() {
    DeactivationPlan plan =
        new PlannerFixture().expired("alice", 2, 100).plan(Mode.ENFORCE, 20, NO_CALLER);

    assertThat(plan.deactivate())
        .containsExactly(
            new PlannedDeactivation(
                "alice",
                2,
                resourceId("alice", 2),
                rotated(100),
                rotated(100).plus(Duration.ofDays(90)),
                "access_key_2 of alice is old"));
  }

  @Test
  void plan_whenDeferredInEnforceMode_raisesDeferredFindingNamingTheCap() {
    DeactivationPlan plan =
        new PlannerFixture()
            .expired("a", 1, 300)
            .expired("c", 2, 100)
            .plan(Mode.ENFORCE, 1, NO_CALLER);

    assertThat(plan.deferredFindings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.checkId()).isEqualTo("deactivation-deferred");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.accountId()).isEqualTo(ACCOUNT);
              assertThat(f.principal()).isEqualTo("c");
              assertThat(f.resourceId()).isEqualTo(resourceId("c", 2));
              assertThat(f.title()).isEqualTo(DeactivationDeferred.METADATA.title());
              assertThat(f.message()).contains("per-run cap").contains("1 key ");
              assertThat(f.deadline()).contains(rotated(100).plus(Duration.ofDays(90)));
            });
  }

  @Test
  void plan_whenDeferredInDryRun_raisesNoFindingButListsTheDeferredKey() {
    DeactivationPlan plan =
        new PlannerFixture()
            .expired("a", 1, 300)
            .expired("c", 2, 100)
            .plan(Mode.DRY_RUN, 1, NO_CALLER);

    assertThat(plan.deferred()).extracting(PlannedDeactivation::userName).containsExactly("c");
    assertThat(plan.deferredFindings()).isEmpty();
  }

  @Test
  void plan_whenCapNegative_rejectsItNamingTheSetting() {
    PlannerFixture fixture = new PlannerFixture().expired("a", 1, 300);

    assertThatThrownBy(() -> fixture.plan(Mode.ENFORCE, -1, NO_CALLER))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("deactivation cap: -1");
  }

  @Test
  void plan_whenCallerIsUserWithExpiredKeys_refusesAllItsKeysAndNamesWhy() {
    DeactivationPlan plan =
        new PlannerFixture()
            .expired("ops", 1, 300)
            .expired("ops", 2, 200)
            .expired("bob", 1, 100)
            .plan(Mode.ENFORCE, 20, Optional.of("arn:aws:iam::" + ACCOUNT + ":user/team/ops"));

    assertThat(plan.deactivate()).extracting(PlannedDeactivation::userName).containsExactly("bob");
    assertThat(plan.refused())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("belongs to the caller"));
    assertThat(plan.refused().get(0)).startsWith(resourceId("ops", 1));
  }

  @Test
  void plan_whenFindingNamesSlotWithoutActiveKeyInInventory_refusesIt() {
    DeactivationPlan plan =
        new PlannerFixture()
            .finding(PlannerFixture.finding("ghost", 1, 300))
            .plan(Mode.ENFORCE, 20, NO_CALLER);

    assertThat(plan.deactivate()).isEmpty();
    assertThat(plan.refused()).singleElement().asString().contains("cannot be identified");
  }

  @Test
  void plan_whenAuditIsOfAnotherAccount_rejectsIt() {
    PlannerFixture fixture = new PlannerFixture().expired("a", 1, 300);

    assertThatThrownBy(
            () ->
                DeactivationPlanner.plan(
                    "999999999999",
                    fixture.result(),
                    fixture.inventory(),
                    Mode.ENFORCE,
                    20,
                    NO_CALLER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999999999999");
  }

  @ParameterizedTest
  @CsvSource({
    "arn:aws:iam::123456789012:user/ops, ops",
    "arn:aws:iam::123456789012:user/team/a/ops, ops",
    "arn:aws-us-gov:iam::123456789012:user/ops, ops",
    "arn:aws:iam::123456789012:root, ''",
    "arn:aws:iam::999999999999:user/ops, ''",
    "arn:aws:sts::123456789012:assumed-role/r/s, ''",
    "arn:aws:iam::123456789012:role/ops, ''",
    "not-an-arn, ''",
  })
  void iamUserName_whenArnGiven_returnsUserOfThisAccountOnly(String arn, String expected) {
    assertThat(DeactivationPlanner.iamUserName(arn, ACCOUNT))
        .isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(expected));
  }

  /**
   * Which keys a plan deactivates and defers, and how many it refuses: the order (oldest deadline
   * first, then resource id), the cap, exemptions, other checks and the caller's own keys.
   */
  static Stream<Arguments> selections() {
    Finding due =
        Finding.of(
                KeyRotationDueCheck.METADATA, ACCOUNT, "alice", resourceId("alice", 1), "due soon")
            .withDeadline(rotated(0));
    return Stream.of(
        argumentSet(
            "expired keys: oldest deadline first",
            new PlannerFixture()
                .expired("carol", 1, 95)
                .expired("alice", 1, 200)
                .expired("bob", 2, 120),
            20,
            NO_CALLER,
            List.of(resourceId("alice", 1), resourceId("bob", 2), resourceId("carol", 1)),
            List.of(),
            0),
        argumentSet(
            "equal deadlines: by resource id",
            new PlannerFixture()
                .expired("zed", 1, 100)
                .expired("amy", 2, 100)
                .expired("amy", 1, 100),
            20,
            NO_CALLER,
            List.of(resourceId("amy", 1), resourceId("amy", 2), resourceId("zed", 1)),
            List.of(),
            0),
        argumentSet(
            "more than the cap: the most recently expired deferred",
            new PlannerFixture().expired("a", 1, 300).expired("b", 1, 200).expired("c", 1, 100),
            2,
            NO_CALLER,
            List.of(resourceId("a", 1), resourceId("b", 1)),
            List.of(resourceId("c", 1)),
            0),
        argumentSet(
            "cap zero: everything deferred",
            new PlannerFixture().expired("a", 1, 300),
            0,
            NO_CALLER,
            List.of(),
            List.of(resourceId("a", 1)),
            0),
        argumentSet(
            "an exempted finding is never planned",
            new PlannerFixture().exempted("alice", 1, 300).expired("bob", 1, 100),
            20,
            NO_CALLER,
            List.of(resourceId("bob", 1)),
            List.of(),
            0),
        argumentSet(
            "an exempted key also listed as open stays exempt",
            new PlannerFixture()
                .exempted("alice", 1, 300)
                .finding(PlannerFixture.finding("alice", 1, 300)),
            20,
            NO_CALLER,
            List.of(),
            List.of(),
            0),
        argumentSet(
            "other checks' findings are ignored",
            new PlannerFixture().expired("alice", 2, 300).finding(due),
            20,
            NO_CALLER,
            List.of(resourceId("alice", 2)),
            List.of(),
            0),
        argumentSet(
            "the caller's refused key does not count against the cap",
            new PlannerFixture().expired("ops", 1, 300).expired("bob", 1, 100),
            1,
            Optional.of("arn:aws:iam::" + ACCOUNT + ":user/ops"),
            List.of(resourceId("bob", 1)),
            List.of(),
            1),
        argumentSet(
            "a caller that is an assumed role refuses nothing",
            new PlannerFixture().expired("ops", 1, 300),
            20,
            Optional.of("arn:aws:sts::" + ACCOUNT + ":assumed-role/ops/session"),
            List.of(resourceId("ops", 1)),
            List.of(),
            0));
  }

  @ParameterizedTest
  @MethodSource("selections")
  void plan_inEnforceMode_deactivatesDefersAndRefusesTheExpectedKeys(
      PlannerFixture fixture,
      int cap,
      Optional<String> caller,
      List<String> deactivated,
      List<String> deferred,
      int refused) {
    DeactivationPlan plan = fixture.plan(Mode.ENFORCE, cap, caller);

    assertThat(plan.deactivate())
        .extracting(PlannedDeactivation::resourceId)
        .containsExactlyElementsOf(deactivated);
    assertThat(plan.deferred())
        .extracting(PlannedDeactivation::resourceId)
        .containsExactlyElementsOf(deferred);
    assertThat(plan.refused()).hasSize(refused);
  }

  /** The other slot of an expired key: made in the same second (its use is carried) or not. */
  static Stream<Arguments> otherSlots() {
    Instant used = rotated(10);
    return Stream.of(
        argumentSet(
            "made in the same second: both slots' reported use",
            new AccessKeySlot(
                2, false, Optional.of(rotated(100).plusMillis(400)), Optional.of(used)),
            Optional.of(new ReportedLastUse(Optional.empty(), Optional.of(used)))),
        argumentSet(
            "made another second: no reported use",
            new AccessKeySlot(2, true, Optional.of(rotated(100).plusSeconds(1)), Optional.empty()),
            Optional.empty()));
  }

  @ParameterizedTest
  @MethodSource("otherSlots")
  void plan_whenTheUserHasAnotherSlot_carriesReportedUseOnlyForOneMadeInTheSameSecond(
      AccessKeySlot other, Optional<ReportedLastUse> expected) {
    DeactivationPlan plan =
        new PlannerFixture()
            .slot("svc", other)
            .expired("svc", 1, 100)
            .plan(Mode.ENFORCE, 20, NO_CALLER);

    assertThat(plan.deactivate())
        .singleElement()
        .extracting(PlannedDeactivation::reportedUse)
        .isEqualTo(expected);
  }
}
