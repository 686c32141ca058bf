package dev.keywarden.remediate;

import static dev.keywarden.remediate.PlannerFixture.ACCOUNT;
import static dev.keywarden.remediate.PlannerFixture.AS_OF;
import static dev.keywarden.remediate.PlannerFixture.resourceId;
import static dev.keywarden.remediate.PlannerFixture.rotated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.keywarden.remediate.ActionLogEntry.Kind;
import dev.keywarden.remediate.ActionLogEntry.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeactivatorTest {
  private static final String RUN = "run-1";
  private static final String ACTOR =
      "arn:aws:sts::" + ACCOUNT + ":assumed-role/KeywardenAuditRole/run-1";
  private static final Instant NOW = AS_OF;
  private static final PlannedDeactivation ALICE = planned("alice", 1, 200);
  private static final PlannedDeactivation BOB = planned("bob", 2, 120);
  private static final String ALICE_KEY = "AKIAALICE0000000001";
  private static final String BOB_KEY = "AKIABOB000000000002";
  private static final String ALICE_ACTION =
      "deactivate:alice:" + ALICE_KEY + ":" + ALICE.deadline();

  private final List<String> events = new ArrayList<>();
  private final InMemoryActionLog log = new InMemoryActionLog(events);
  private final StubAccessKeys keys =
      new StubAccessKeys(events)
          .add("alice", ALICE_KEY, ALICE.lastRotated())
          .add("bob", BOB_KEY, BOB.lastRotated());
  private final Deactivator deactivator = Deactivator.create(log, keys);

  private static PlannedDeactivation planned(String user, int slot, long daysAgo) {
    return new PlannedDeactivation(
        user,
        slot,
        resourceId(user, slot),
        rotated(daysAgo),
        rotated(daysAgo).plus(Duration.ofDays(90)),
        user + "'s key is old");
  }

  private static DeactivationPlan plan(PlannedDeactivation... keys) {
    return new DeactivationPlan(List.of(keys), List.of(), List.of(), List.of());
  }

  private DeactivationReport enforce(PlannedDeactivation... planned) {
    return execute(RUN, Mode.ENFORCE, planned);
  }

  /** Runs the plan of {@code planned} as run {@code runId}, on the log as it is now. */
  private DeactivationReport execute(String runId, Mode mode, PlannedDeactivation... planned) {
    return deactivator.execute(
        DeactivationRequest.builder()
            .accountId(ACCOUNT)
            .runId(runId)
            .actor(ACTOR)
            .plan(plan(planned))
            .mode(mode)
            .actions(log.history())
            .now(NOW)
            .build());
  }

  private DeactivationReport resume() {
    return deactivator.resumeUnfinished(
        ACCOUNT, "run-2", ACTOR, log.history(), NOW.plus(Duration.ofDays(1)));
  }

  @Test
  void execute_whenDryRun_callsNothingWritesNothingAndListsWhatItWouldDo() {
    DeactivationReport report = execute(RUN, Mode.DRY_RUN, ALICE, BOB);

    assertThat(report.wouldDeactivate()).containsExactly(ALICE, BOB);
    assertThat(report.deactivated()).isEmpty();
    assertThat(keys.calls()).isZero();
    assertThat(log.entries()).isEmpty();
  }

  @Test
  void execute_whenDryRunAfterACrash_leavesTheUnfinishedIntentAlone() {
    keys.crashBeforeNextUpdate();
    assertThatThrownBy(() -> enforce(ALICE)).isInstanceOf(InMemoryActionLog.Crash.class);
    int callsBefore = keys.calls();

    execute("run-2", Mode.DRY_RUN, ALICE);

    assertThat(keys.calls()).isEqualTo(callsBefore);
    assertThat(log.entries(Phase.RESULT)).isEmpty();
  }

  @Test
  void execute_whenEnforce_writesIntentThenCallsThenWritesResult() {
    enforce(ALICE);

    assertThat(events)
        .containsExactly(
            "append INTENT " + ALICE_ACTION,
            "update " + ALICE_KEY + " INACTIVE",
            "append RESULT " + ALICE_ACTION);
  }

  @Test
  void execute_whenEnforce_logsBothPhasesWithRunActorReasonAndOutcome() {
    enforce(ALICE);

    assertThat(log.entries())
        .containsExactly(
            new ActionLogEntry(
                ACCOUNT,
                ALICE_ACTION,
                Kind.DEACTIVATE,
                Phase.INTENT,
                "alice",
                ALICE_KEY,
                RUN,
                NOW,
                ACTOR,
                "alice's key is old",
                Optional.empty()),
            new ActionLogEntry(
                ACCOUNT,
                ALICE_ACTION,
                Kind.DEACTIVATE,
                Phase.RESULT,
                "alice",
                ALICE_KEY,
                RUN,
                NOW,
                ACTOR,
                "alice's key is old",
                Optional.of("deactivated")));
  }

  @Test
  void execute_whenEnforce_deactivatesAndReportsTheKeysForTheirOwners() {
    DeactivationReport report = enforce(ALICE, BOB);

    assertThat(keys.current(ALICE_KEY)).isEqualTo(KeyStatus.INACTIVE);
    assertThat(keys.current(BOB_KEY)).isEqualTo(KeyStatus.INACTIVE);
    assertThat(report.deactivated())
        .containsExactly(
            new DeactivatedKey("alice", 1, resourceId("alice", 1), ALICE.lastRotated(), ALICE_KEY),
            new DeactivatedKey("bob", 2, resourceId("bob", 2), BOB.lastRotated(), BOB_KEY));
  }

  @Test
  void execute_whenKeyAlreadyInactive_recordsAlreadyInactiveWithoutCalling() {
    keys.set(ALICE_KEY, KeyStatus.INACTIVE);

    DeactivationReport report = enforce(ALICE);

    assertThat(keys.updates()).isZero();
    assertThat(log.entries(Phase.RESULT))
        .singleElement()
        .extracting(ActionLogEntry::outcome)
        .isEqualTo(Optional.of("already-inactive"));
    assertThat(report.deactivated()).hasSize(1);
  }

  @Test
  void execute_whenDoneByEarlierRun_writesNothingAndCallsNoUpdate() {
    enforce(ALICE);

    DeactivationReport second = execute("run-2", Mode.ENFORCE, ALICE);

    assertThat(keys.updates()).isEqualTo(1);
    assertThat(log.entries()).hasSize(2);
    assertThat(second.deactivated()).isEmpty();
    assertThat(second.alreadyDone())
        .singleElement()
        .asString()
        .contains(ALICE_KEY)
        .contains("earlier run");
  }

  @Test
  void execute_whenOneKeyFails_logsTheFailureAndDeactivatesTheOthers() {
    keys.deny(ALICE_KEY);

    DeactivationReport report = enforce(ALICE, BOB);

    assertThat(report.failed()).singleElement().asString().contains(ALICE_KEY).contains("denied");
    assertThat(report.deactivated())
        .extracting(DeactivatedKey::accessKeyId)
        .containsExactly(BOB_KEY);
    assertThat(log.entries(Phase.RESULT))
        .extracting(e -> e.outcome().orElseThrow())
        .containsExactly(
            "failed: iam:UpdateAccessKey was denied for key " + ALICE_KEY + " of user alice",
            "deactivated");
  }

  @Test
  void execute_whenKeyIdCannotBeFound_reportsFailureAndWritesNothing() {
    PlannedDeactivation rotatedSince = planned("alice", 1, 150);

    DeactivationReport report = enforce(rotatedSince, BOB);

    assertThat(report.failed())
        .singleElement()
        .asString()
        .contains("no key of user alice was created at");
    assertThat(log.entries()).extracting(ActionLogEntry::userName).containsOnly("bob");
  }

  @Test
  void execute_whenReadBackNeverConfirms_logsFailedAndReportsIt() {
    keys.readsStale();

    DeactivationReport report = enforce(ALICE);

    assertThat(log.entries(Phase.RESULT))
        .singleElement()
        .extracting(e -> e.outcome().orElseThrow())
        .asString()
        .startsWith("failed: IAM still reports the key active");
    assertThat(report.failed()).hasSize(1);
    assertThat(report.deactivated()).isEmpty();
  }

  @Test
  void execute_whenEarlierAttemptFailed_retriesUnderTheNextAttemptId() {
    keys.deny(ALICE_KEY);
    enforce(ALICE);
    keys.allow(ALICE_KEY);

    DeactivationReport report = execute("run-2", Mode.ENFORCE, ALICE);

    assertThat(report.deactivated()).hasSize(1);
    assertThat(log.entries())
        .extracting(ActionLogEntry::actionId, ActionLogEntry::phase)
        .containsExactly(
            tuple(ALICE_ACTION, Phase.INTENT),
            tuple(ALICE_ACTION, Phase.RESULT),
            tuple(ALICE_ACTION + "#2", Phase.INTENT),
            tuple(ALICE_ACTION + "#2", Phase.RESULT));
  }

  @Test
  void execute_whenKeyWasReactivatedSince_deactivatesItAgain() {
    enforce(ALICE);
    Reactivator.create(log, keys)
        .reactivate(
            ACCOUNT,
            "alice",
            ALICE_KEY,
            "payments outage",
            "arn:aws:iam::" + ACCOUNT + ":user/oncall",
            NOW);

    DeactivationReport report = execute("run-2", Mode.ENFORCE, ALICE);

    assertThat(keys.current(ALICE_KEY)).isEqualTo(KeyStatus.INACTIVE);
    assertThat(report.deactivated()).hasSize(1);
    assertThat(log.entries(Phase.RESULT))
        .last()
        .extracting(ActionLogEntry::actionId)
        .isEqualTo(ALICE_ACTION + "#2");
  }

  @Test
  void execute_whenKeyTurnedBackOnOutsideKeywarden_deactivatesItAgain() {
    enforce(ALICE);
    keys.set(ALICE_KEY, KeyStatus.ACTIVE);

    execute("run-2", Mode.ENFORCE, ALICE);

    assertThat(keys.current(ALICE_KEY)).isEqualTo(KeyStatus.INACTIVE);
    assertThat(keys.updates()).isEqualTo(2);
  }

  @Test
  void resumeUnfinished_whenCrashedBetweenIntentAndCall_deactivatesOnceAndCompletesTheLog() {
    keys.crashBeforeNextUpdate();
    assertThatThrownBy(() -> enforce(ALICE)).isInstanceOf(InMemoryActionLog.Crash.class);
    assertThat(log.entries()).extracting(ActionLogEntry::phase).containsExactly(Phase.INTENT);

    DeactivationReport report = resume();

    assertThat(keys.updates()).isEqualTo(1);
    assertThat(keys.current(ALICE_KEY)).isEqualTo(KeyStatus.INACTIVE);
    assertThat(log.entries())
        .extracting(ActionLogEntry::actionId, ActionLogEntry::phase)
        .containsExactly(tuple(ALICE_ACTION, Phase.INTENT), tuple(ALICE_ACTION, Phase.RESULT));
    assertThat(report.resumed())
        .singleElement()
        .extracting(e -> e.outcome().orElseThrow())
        .isEqualTo("deactivated");
  }

  @Test
  void resumeUnfinished_whenCrashedBetweenCallAndResult_recordsAlreadyInactiveWithoutASecondCall() {
    log.crashOnce(e -> e.phase() == Phase.RESULT);
    assertThatThrownBy(() -> enforce(ALICE)).isInstanceOf(InMemoryActionLog.Crash.class);

    DeactivationReport report = resume();

    assertThat(keys.updates()).isEqualTo(1);
    assertThat(log.entries())
        .extracting(ActionLogEntry::actionId, ActionLogEntry::phase)
        .containsExactly(tuple(ALICE_ACTION, Phase.INTENT), tuple(ALICE_ACTION, Phase.RESULT));
    assertThat(report.resumed())
        .singleElement()
        .extracting(e -> e.outcome().orElseThrow())
        .isEqualTo("already-inactive");
  }

  @Test
  void
      resumeUnfinished_whenGatewayCrashedRightAfterTheCall_recordsAlreadyInactiveWithoutASecondCall() {
    keys.crashAfterNextUpdate();
    assertThatThrownBy(() -> enforce(ALICE, BOB)).isInstanceOf(InMemoryActionLog.Crash.class);

    resume();

    assertThat(keys.updates()).isEqualTo(1);
    assertThat(log.entries(Phase.RESULT))
        .singleElement()
        .extracting(e -> e.outcome().orElseThrow())
        .isEqualTo("already-inactive");
  }

  @Test
  void execute_whenPlannedKeyHasUnfinishedIntent_finishesThatAttemptAndReportsTheKey() {
    keys.crashBeforeNextUpdate();
    assertThatThrownBy(() -> enforce(ALICE)).isInstanceOf(InMemoryActionLog.Crash.class);

    DeactivationReport report = execute("run-2", Mode.ENFORCE, ALICE);

    assertThat(keys.updates()).isEqualTo(1);
    assertThat(log.entries(Phase.INTENT)).hasSize(1);
    assertThat(log.entries(Phase.RESULT))
        .singleElement()
        .extracting(ActionLogEntry::actionId)
        .isEqualTo(ALICE_ACTION);
    assertThat(report.deactivated())
        .extracting(DeactivatedKey::accessKeyId)
        .containsExactly(ALICE_KEY);
    assertThat(report.resumed()).isEmpty();
  }

  @Test
  void execute_whenUnfinishedIntentIsNotInThePlan_finishesItAndReportsItResumed() {
    log.crashOnce(e -> e.phase() == Phase.RESULT);
    assertThatThrownBy(() -> enforce(ALICE)).isInstanceOf(InMemoryActionLog.Crash.class);

    DeactivationReport report = execute("run-2", Mode.ENFORCE, BOB);

    assertThat(report.deactivated())
        .extracting(DeactivatedKey::accessKeyId)
        .containsExactly(BOB_KEY);
    assertThat(report.resumed())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.accessKeyId()).isEqualTo(ALICE_KEY);
              assertThat(e.runId()).isEqualTo("run-2");
              assertThat(e.outcome()).contains("already-inactive");
            });
    assertThat(keys.updates()).isEqualTo(2);
  }

  @Test
  void resumeUnfinished_whenKeyWasDeletedMeanwhile_recordsThatItNoLongerExists() {
    keys.crashBeforeNextUpdate();
    assertThatThrownBy(() -> enforce(ALICE)).isInstanceOf(InMemoryActionLog.Crash.class);
    keys.delete(ALICE_KEY);

    resume();

    assertThat(log.entries(Phase.RESULT))
        .singleElement()
        .extracting(e -> e.outcome().orElseThrow())
        .isEqualTo("failed: key no longer exists");
    assertThat(keys.updates()).isZero();
  }

  @Test
  void resumeUnfinished_whenNothingUnfinished_writesNothing() {
    enforce(ALICE);
    int callsBefore = keys.calls();

    DeactivationReport report = resume();

    assertThat(report.resumed()).isEmpty();
    assertThat(log.entries()).hasSize(2);
    assertThat(keys.calls()).isEqualTo(callsBefore);
  }

  @Test
  void resumeUnfinished_whenReactivationWasInterrupted_recordsTheOutcomeButNeverReactivates() {
    enforce(ALICE);
    keys.crashBeforeNextUpdate();
    Reactivator reactivator = Reactivator.create(log, keys);
    assertThatThrownBy(
            () -> reactivator.reactivate(ACCOUNT, "alice", ALICE_KEY, "outage", ACTOR, NOW))
        .isInstanceOf(InMemoryActionLog.Crash.class);

    DeactivationReport report = resume();

    assertThat(keys.current(ALICE_KEY)).isEqualTo(KeyStatus.INACTIVE);
    assertThat(keys.updates()).isEqualTo(1);
    assertThat(report.resumed())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.REACTIVATE);
              assertThat(e.outcome().orElseThrow())
                  .startsWith("failed: the reactivation was interrupted");
            });
  }
}
