package dev.keywarden.remediate;

import static dev.keywarden.remediate.PlannerFixture.ACCOUNT;
import static dev.keywarden.remediate.PlannerFixture.resourceId;
import static dev.keywarden.remediate.PlannerFixture.rotated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.KeyRotationDueCheck;
import dev.keywarden.checks.Severity;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeactivationPlannerTest {
  private static final Optional<String> NO_CALLER = Optional.empty();

  @Test
  void plan_whenKeysExpired_takesOldestDeadlineFirst() {
    DeactivationPlan plan =
        new PlannerFixture()
            .expired("carol", 1, 95)
            .expired("alice", 1, 200)
            .expired("bob", 2, 120)
            .plan(Mode.ENFORCE, 20, NO_CALLER);

    assertThat(plan.deactivate())
        .extracting(PlannedDeactivation::resourceId)
        .containsExactly(resourceId("alice", 1), resourceId("bob", 2), resourceId("carol", 1));
  }

  @Test
  void plan_whenDeadlinesEqual_ordersByResourceId() {
    DeactivationPlan plan =
        new PlannerFixture()
            .expired("zed", 1, 100)
            .expired("amy", 2, 100)
            .expired("amy", 1, 100)
            .plan(Mode.ENFORCE, 20, NO_CALLER);

    assertThat(plan.deactivate())
        .extracting(PlannedDeactivation::resourceId)
        .containsExactly(resourceId("amy", 1), resourceId("amy", 2), resourceId("zed", 1));
  }

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
  void plan_whenMoreThanCap_defersTheMostRecentlyExpired() {
    DeactivationPlan plan =
        new PlannerFixture()
            .expired("a", 1, 300)
            .expired("b", 1, 200)
            .expired("c", 1, 100)
            .plan(Mode.ENFORCE, 2, NO_CALLER);

    assertThat(plan.deactivate())
        .extracting(PlannedDeactivation::userName)
        .containsExactly("a", "b");
    assertThat(plan.deferred()).extracting(PlannedDeactivation::userName).containsExactly("c");
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
  void plan_whenCapIsZero_defersEverything() {
    DeactivationPlan plan =
        new PlannerFixture().expired("a", 1, 300).plan(Mode.ENFORCE, 0, NO_CALLER);

    assertThat(plan.deactivate()).isEmpty();
    assertThat(plan.deferred()).hasSize(1);
  }

  @Test
  void plan_whenCapNegative_rejectsItNamingTheSetting() {
    PlannerFixture fixture = new PlannerFixture().expired("a", 1, 300);

    assertThatThrownBy(() -> fixture.plan(Mode.ENFORCE, -1, NO_CALLER))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("deactivation cap: -1");
  }

  @Test
  void plan_whenFindingExempted_neverPlansIt() {
    DeactivationPlan plan =
        new PlannerFixture()
            .exempted("alice", 1, 300)
            .expired("bob", 1, 100)
            .plan(Mode.ENFORCE, 20, NO_CALLER);

    assertThat(plan.deactivate()).extracting(PlannedDeactivation::userName).containsExactly("bob");
    assertThat(plan.deferred()).isEmpty();
  }

  @Test
  void plan_whenSameKeyAlsoListedAsOpen_stillHonoursTheExemption() {
    DeactivationPlan plan =
        new PlannerFixture()
            .exempted("alice", 1, 300)
            .finding(PlannerFixture.finding("alice", 1, 300))
            .plan(Mode.ENFORCE, 20, NO_CALLER);

    assertThat(plan.deactivate()).isEmpty();
  }

  @Test
  void plan_whenOtherChecksFire_ignoresThem() {
    Finding due =
        Finding.of(
                KeyRotationDueCheck.METADATA, ACCOUNT, "alice", resourceId("alice", 1), "due soon")
            .withDeadline(rotated(0));
    DeactivationPlan plan =
        new PlannerFixture()
            .expired("alice", 2, 300)
            .finding(due)
            .plan(Mode.ENFORCE, 20, NO_CALLER);

    assertThat(plan.deactivate()).extracting(PlannedDeactivation::slot).containsExactly(2);
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
  void plan_whenCallerRefused_doesNotCountAgainstTheCap() {
    DeactivationPlan plan =
        new PlannerFixture()
            .expired("ops", 1, 300)
            .expired("bob", 1, 100)
            .plan(Mode.ENFORCE, 1, Optional.of("arn:aws:iam::" + ACCOUNT + ":user/ops"));

    assertThat(plan.deactivate()).extracting(PlannedDeactivation::userName).containsExactly("bob");
    assertThat(plan.deferred()).isEmpty();
  }

  @Test
  void plan_whenCallerIsAssumedRole_refusesNothing() {
    DeactivationPlan plan =
        new PlannerFixture()
            .expired("ops", 1, 300)
            .plan(
                Mode.ENFORCE,
                20,
                Optional.of("arn:aws:sts::" + ACCOUNT + ":assumed-role/ops/session"));

    assertThat(plan.deactivate()).hasSize(1);
    assertThat(plan.refused()).isEmpty();
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

  @Test
  void plan_whenTheOtherSlotWasMadeInTheSameSecond_carriesBothSlotsReportedUse() {
    java.time.Instant used = rotated(10);
    DeactivationPlan plan =
        new PlannerFixture()
            .slot(
                "svc",
                new dev.keywarden.inventory.AccessKeySlot(
                    2, false, Optional.of(rotated(100).plusMillis(400)), Optional.of(used)))
            .expired("svc", 1, 100)
            .plan(Mode.ENFORCE, 20, NO_CALLER);

    assertThat(plan.deactivate())
        .singleElement()
        .extracting(PlannedDeactivation::reportedUse)
        .isEqualTo(Optional.of(new ReportedLastUse(Optional.empty(), Optional.of(used))));
  }

  @Test
  void plan_whenTheOtherSlotWasMadeAnotherSecond_carriesNoReportedUse() {
    DeactivationPlan plan =
        new PlannerFixture()
            .slot(
                "svc",
                new dev.keywarden.inventory.AccessKeySlot(
                    2, true, Optional.of(rotated(100).plusSeconds(1)), Optional.empty()))
            .expired("svc", 1, 100)
            .plan(Mode.ENFORCE, 20, NO_CALLER);

    assertThat(plan.deactivate())
        .singleElement()
        .extracting(PlannedDeactivation::reportedUse)
        .isEqualTo(Optional.empty());
  }
}
