package dev.keywarden.remediate;

import static dev.keywarden.remediate.PlannerFixture.ACCOUNT;
import static dev.keywarden.remediate.PlannerFixture.AS_OF;
import static dev.keywarden.remediate.PlannerFixture.resourceId;
import static dev.keywarden.remediate.PlannerFixture.rotated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import dev.keywarden.remediate.ActionLogEntry.Kind;
import dev.keywarden.remediate.ActionLogEntry.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReactivatorTest {
  private static final String KEY = "AKIAALICE0000000001";
  private static final String OPERATOR = "arn:aws:iam::" + ACCOUNT + ":user/oncall";
  private static final Instant LATER = AS_OF.plus(Duration.ofHours(3));
  private static final PlannedDeactivation ALICE =
      new PlannedDeactivation(
          "alice", 1, resourceId("alice", 1), rotated(200), rotated(110), "alice's key is old");

  private final List<String> events = new ArrayList<>();
  private final InMemoryActionLog log = new InMemoryActionLog(events);
  private final StubAccessKeys keys =
      new StubAccessKeys(events).add("alice", KEY, ALICE.lastRotated());
  private final Reactivator reactivator = Reactivator.create(log, keys);

  private void deactivateAlice() {
    Deactivator.create(log, keys)
        .execute(
            DeactivationRequest.builder()
                .accountId(ACCOUNT)
                .runId("run-1")
                .actor("auditor")
                .plan(new DeactivationPlan(List.of(ALICE), List.of(), List.of(), List.of()))
                .mode(Mode.ENFORCE)
                .actions(log.history())
                .now(AS_OF)
                .build());
  }

  @Test
  void reactivate_whenKeywardenDeactivatedIt_turnsItBackOnAndConfirms() {
    deactivateAlice();

    reactivator.reactivate(ACCOUNT, "alice", KEY, "payments outage", OPERATOR, LATER);

    assertThat(keys.current(KEY)).isEqualTo(KeyStatus.ACTIVE);
  }

  @Test
  void reactivate_whenDone_logsIntentAndReactivatedResultUnderItsActionId() {
    deactivateAlice();

    Reactivation done =
        reactivator.reactivate(ACCOUNT, "alice", KEY, "payments outage", OPERATOR, LATER);

    String actionId = "reactivate:alice:" + KEY + ":" + LATER;
    assertThat(done.actionId()).isEqualTo(actionId);
    assertThat(log.entries())
        .filteredOn(e -> e.kind() == Kind.REACTIVATE)
        .containsExactly(
            new ActionLogEntry(
                ACCOUNT,
                actionId,
                Kind.REACTIVATE,
                Phase.INTENT,
                "alice",
                KEY,
                actionId,
                LATER,
                OPERATOR,
                "payments outage",
                Optional.empty()),
            new ActionLogEntry(
                ACCOUNT,
                actionId,
                Kind.REACTIVATE,
                Phase.RESULT,
                "alice",
                KEY,
                actionId,
                LATER,
                OPERATOR,
                "payments outage",
                Optional.of("reactivated")));
  }

  @Test
  void reactivate_whenSomeoneTurnedTheKeyOnSince_refusesNamingTheChangeAndForce() {
    deactivateAlice();
    keys.set(KEY, KeyStatus.ACTIVE);

    assertThatThrownBy(
            () -> reactivator.reactivate(ACCOUNT, "alice", KEY, "payments outage", OPERATOR, LATER))
        .isInstanceOf(dev.keywarden.InvalidInputException.class)
        .hasMessageContaining(
            "IAM already reports it active again since Keywarden deactivated it at")
        .hasMessageContaining("--force");
    assertThat(log.entries()).noneMatch(e -> e.kind() == Kind.REACTIVATE);
  }

  @Test
  void reactivate_whenTheKeyWasUsedAfterTheDeactivation_refuses() {
    deactivateAlice();
    keys.used(KEY, AS_OF.plus(Duration.ofHours(1)));

    assertThatThrownBy(
            () -> reactivator.reactivate(ACCOUNT, "alice", KEY, "payments outage", OPERATOR, LATER))
        .hasMessageContaining("after Keywarden deactivated it")
        .hasMessageContaining("someone turned it on (and off) since");
  }

  @Test
  void reactivate_whenUsedOnlyBeforeTheDeactivation_goesAhead() {
    keys.used(KEY, AS_OF.minus(Duration.ofHours(1)));
    deactivateAlice();

    reactivator.reactivate(ACCOUNT, "alice", KEY, "payments outage", OPERATOR, LATER);

    assertThat(keys.current(KEY)).isEqualTo(KeyStatus.ACTIVE);
  }

  @Test
  void reactivate_whenForcedDespiteAChange_reactivatesWithAWarningInTheMessageAndTheLog() {
    deactivateAlice();
    keys.used(KEY, AS_OF.plus(Duration.ofHours(1)));

    Reactivation done =
        reactivator.reactivate(ACCOUNT, "alice", KEY, "payments outage", OPERATOR, LATER, true);

    assertThat(keys.current(KEY)).isEqualTo(KeyStatus.ACTIVE);
    assertThat(done.message()).contains("WARNING: it was used at");
    assertThat(log.entries())
        .filteredOn(e -> e.kind() == Kind.REACTIVATE && e.phase() == Phase.INTENT)
        .singleElement()
        .satisfies(
            e -> assertThat(e.reason()).startsWith("payments outage [--force: it was used at"));
  }

  @Test
  void reactivate_whenDone_warnsThatTheNextRunDeactivatesItAgain() {
    deactivateAlice();

    Reactivation done =
        reactivator.reactivate(ACCOUNT, "alice", KEY, "payments outage", OPERATOR, LATER);

    assertThat(done.message())
        .contains("next enforce run deactivates it again")
        .contains("keywarden:exempt-until");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void reactivate_whenReasonBlank_rejectsItAndChangesNothing(String reason) {
    deactivateAlice();

    assertThatThrownBy(() -> reactivator.reactivate(ACCOUNT, "alice", KEY, reason, OPERATOR, LATER))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("reason")
        .hasMessageContaining("is blank");
    assertThat(keys.current(KEY)).isEqualTo(KeyStatus.INACTIVE);
  }

  @Test
  void reactivate_whenKeywardenNeverDeactivatedIt_rejectsWithNothingToUndo() {
    keys.set(KEY, KeyStatus.INACTIVE);

    assertThatThrownBy(
            () -> reactivator.reactivate(ACCOUNT, "alice", KEY, "outage", OPERATOR, LATER))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("key " + KEY + " of user alice was not deactivated by Keywarden")
        .hasMessageContaining("nothing to undo");
    assertThat(log.entries()).isEmpty();
    assertThat(keys.current(KEY)).isEqualTo(KeyStatus.INACTIVE);
  }

  @Test
  void reactivate_whenTheDeactivationFailed_rejectsWithNothingToUndo() {
    keys.deny(KEY);
    deactivateAlice();
    keys.allow(KEY);

    assertThatThrownBy(
            () -> reactivator.reactivate(ACCOUNT, "alice", KEY, "outage", OPERATOR, LATER))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nothing to undo");
  }

  @Test
  void reactivate_whenAlreadyReactivated_rejectsNamingWhen() {
    deactivateAlice();
    reactivator.reactivate(ACCOUNT, "alice", KEY, "outage", OPERATOR, LATER);

    assertThatThrownBy(
            () ->
                reactivator.reactivate(
                    ACCOUNT, "alice", KEY, "again", OPERATOR, LATER.plusSeconds(60)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already reactivated at " + LATER);
  }

  @Test
  void reactivate_whenIamRefuses_logsFailedResultAndThrows() {
    deactivateAlice();
    keys.deny(KEY);

    assertThatThrownBy(
            () -> reactivator.reactivate(ACCOUNT, "alice", KEY, "outage", OPERATOR, LATER))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("denied");
    assertThat(log.entries(Phase.RESULT))
        .last()
        .extracting(e -> e.outcome().orElseThrow())
        .asString()
        .startsWith("failed: iam:UpdateAccessKey was denied");
  }

  @Test
  void reactivate_whenReadBackNeverConfirms_logsFailedResultAndThrows() {
    deactivateAlice();
    keys.readsStale();

    assertThatThrownBy(
            () -> reactivator.reactivate(ACCOUNT, "alice", KEY, "outage", OPERATOR, LATER))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("was not confirmed");
    assertThat(log.entries(Phase.RESULT))
        .last()
        .extracting(e -> e.outcome().orElseThrow())
        .asString()
        .startsWith("failed: IAM still reports the key inactive");
  }
}
