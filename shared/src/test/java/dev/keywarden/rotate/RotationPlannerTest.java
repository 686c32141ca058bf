package dev.keywarden.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.CheckRunner;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.RotationSettings;
import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.AccountSummary;
import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.ReportColumn;
import dev.keywarden.notify.KeyNoticeState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RotationPlannerTest {
  private static final String ACCOUNT = "123456789012";
  private static final String USER = "svc-orders";
  private static final String ARN = "arn:aws:iam::" + ACCOUNT + ":user/" + USER;
  private static final String OLD_RESOURCE = ARN + "#access_key_1";

  /**
   * The old key: 30 days of life (its tag), so its deadline is {@link #DEADLINE} and the 14-day
   * stage begins 16 days in.
   */
  private static final Instant OLD = Instant.parse("2026-10-01T09:00:00Z");

  private static final Instant DEADLINE = OLD.plus(Duration.ofDays(30));
  private static final Instant FIRST_STAGE = DEADLINE.minus(Duration.ofDays(14));
  private static final Instant NEW = FIRST_STAGE.plusSeconds(30);
  private static final List<Integer> STAGES = List.of(14, 7, 1);
  private static final RotationSettings ON =
      new RotationSettings(false, List.of(ACCOUNT), 24, Optional.empty());

  private record Slot(boolean active, Instant created, Optional<Instant> lastUsed) {}

  private static Slot key(Instant created) {
    return new Slot(true, created, Optional.empty());
  }

  private static AccountInventory inventory(
      String user, Map<String, String> extraTags, Slot first, Slot second) {
    String arn = "arn:aws:iam::" + ACCOUNT + ":user/" + user;
    List<AccessKeySlot> slots =
        List.of(
            new AccessKeySlot(1, first.active(), Optional.of(first.created()), first.lastUsed()),
            second == null
                ? new AccessKeySlot(2, false, Optional.empty(), Optional.empty())
                : new AccessKeySlot(
                    2, second.active(), Optional.of(second.created()), second.lastUsed()));
    CredentialReportRow row =
        new CredentialReportRow(
            user,
            arn,
            2,
            Optional.of(OLD),
            false,
            Optional.empty(),
            Optional.empty(),
            false,
            slots);
    Map<String, String> tags =
        new HashMap<>(Map.of("owner", "orders@example.com", AuditPolicy.MAX_KEY_AGE_TAG, "30"));
    tags.putAll(extraTags);
    IamUser iamUser = new IamUser(user, arn, OLD, tags, List.of(), List.of(), List.of());
    CredentialReport report =
        new CredentialReport(EnumSet.allOf(ReportColumn.class), List.of(row), Optional.empty());
    return new AccountInventory(
        ACCOUNT,
        OLD,
        report,
        Optional.of(new AuthorizationDetails(Map.of(user, iamUser), Map.of())),
        Optional.of(new AccountSummary(true, false, 1)),
        Optional.of(PasswordPolicy.absent()),
        Optional.of(false),
        Optional.empty());
  }

  private static AccountInventory tagged(Slot first, Slot second) {
    return inventory(USER, Map.of(RotationPlanner.TAG, RotationPlanner.ASSISTED), first, second);
  }

  private static RotationPlan plan(
      AccountInventory inventory,
      Map<String, RotationRecord> records,
      Map<String, KeyNoticeState> claimed,
      RotationSettings settings,
      Optional<String> caller,
      Instant now) {
    AuditResult audit = CheckRunner.run(new CheckContext(inventory, AuditPolicy.defaults(), now));
    return RotationPlanner.plan(
        ACCOUNT, inventory, audit, records, claimed, STAGES, settings, caller, now);
  }

  private static RotationPlan plan(AccountInventory inventory, Instant now) {
    return plan(inventory, Map.of(), Map.of(), ON, Optional.empty(), now);
  }

  private static RotationRecord rotation(RotationRecord.Phase phase, Instant oldCreated) {
    return new RotationRecord(
        ACCOUNT,
        USER,
        "attempt-1",
        "AKIAOLD",
        oldCreated,
        DEADLINE,
        "keywarden/access-keys/" + USER,
        phase,
        Optional.of("AKIANEW"),
        Optional.of(NEW),
        NEW,
        NEW,
        "run-1",
        "note",
        2);
  }

  @ParameterizedTest(name = "{0} s from the first stage: create {1}")
  @CsvSource({"-1, false", "0, true", "1, true"})
  void freeSlot_getsANewKey_fromTheFirstNoticeStageOn(long seconds, boolean creates) {
    RotationPlan plan = plan(tagged(key(OLD), null), FIRST_STAGE.plusSeconds(seconds));

    assertThat(plan.create()).hasSize(creates ? 1 : 0);
    if (creates) {
      RotationPlan.Creation c = plan.create().get(0);
      assertThat(c.old().resourceId()).isEqualTo(OLD_RESOURCE);
      assertThat(c.old().deadline()).isEqualTo(DEADLINE);
      assertThat(c.stage()).isEqualTo("14d");
      assertThat(c.secretName()).isEqualTo("keywarden/access-keys/svc-orders");
      assertThat(plan.handledKeys()).containsExactly(OLD_RESOURCE);
    }
    assertThat(plan.blocked()).isEmpty();
  }

  @ParameterizedTest(name = "{0} s from the deadline: create {1}")
  @CsvSource({"-1, true", "0, false", "1, false"})
  void noNewKey_onceTheDeadlineIsReached(long seconds, boolean creates) {
    assertThat(plan(tagged(key(OLD), null), DEADLINE.plusSeconds(seconds)).create())
        .hasSize(creates ? 1 : 0);
  }

  @Test
  void twoActiveKeys_getAFindingAndANoticeStage_neverAThirdKey() {
    RotationPlan plan =
        plan(tagged(key(OLD), key(OLD.plusSeconds(5))), FIRST_STAGE.plusSeconds(10));

    assertThat(plan.create()).isEmpty();
    assertThat(plan.blocked())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.reason()).contains("two active access keys");
              assertThat(b.stage()).contains("14d");
            });
    assertThat(plan.blockedFindings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.checkId()).isEqualTo("rotation-blocked");
              assertThat(f.resourceId()).isEqualTo(OLD_RESOURCE);
              assertThat(f.deadline()).contains(DEADLINE);
            });
    assertThat(plan.handledKeys()).containsExactlyInAnyOrder(OLD_RESOURCE, ARN + "#access_key_2");
  }

  @Test
  void inactiveKeyBesideTheOldOne_leavesNoFreeSlot() {
    RotationPlan plan =
        plan(tagged(key(OLD), new Slot(false, OLD.plusSeconds(5), Optional.empty())), FIRST_STAGE);

    assertThat(plan.create()).isEmpty();
    assertThat(plan.blocked())
        .singleElement()
        .satisfies(b -> assertThat(b.reason()).contains("inactive access key"));
  }

  @Test
  void abandonedAttemptsKey_isNamedInTheReason_andAFreedSlotGetsANewAttempt() {
    RotationRecord abandoned =
        new RotationRecord(
            ACCOUNT,
            USER,
            "a",
            "AKIAOLD",
            OLD,
            DEADLINE,
            "s",
            RotationRecord.Phase.ABANDONED,
            Optional.of("AKIAORPHAN"),
            Optional.of(NEW),
            NEW,
            NEW,
            "r",
            "created key AKIAORPHAN deactivated: the run that created it ended before writing its secret",
            3);
    RotationPlan held =
        plan(
            tagged(key(OLD), new Slot(false, NEW, Optional.empty())),
            Map.of(USER, abandoned),
            Map.of(),
            ON,
            Optional.empty(),
            FIRST_STAGE.plusSeconds(60));
    RotationPlan freed =
        plan(
            tagged(key(OLD), null),
            Map.of(USER, abandoned),
            Map.of(),
            ON,
            Optional.empty(),
            FIRST_STAGE.plusSeconds(60));

    assertThat(held.blocked())
        .singleElement()
        .satisfies(
            b ->
                assertThat(b.reason())
                    .contains("AKIAORPHAN")
                    .contains("ended before writing its secret")
                    .contains("delete that key"));
    assertThat(freed.create()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({"WITHDRAWN", "CUT_OVER", "COMPLETED"})
  void finishedRotationOfTheSameKey_isNotStartedAgain(RotationRecord.Phase phase) {
    RotationPlan plan =
        plan(
            tagged(key(OLD), null),
            Map.of(USER, rotation(phase, OLD)),
            Map.of(),
            ON,
            Optional.empty(),
            FIRST_STAGE.plusSeconds(60));

    assertThat(plan.create()).isEmpty();
    assertThat(plan.handledKeys()).isEmpty();
  }

  @Test
  void untaggedOtherValueNotAllowedOrCaller_getNothing() {
    Instant now = FIRST_STAGE.plusSeconds(60);
    assertThat(plan(inventory(USER, Map.of(), key(OLD), null), now).create()).isEmpty();
    assertThat(
            plan(inventory(USER, Map.of(RotationPlanner.TAG, "manual"), key(OLD), null), now)
                .create())
        .isEmpty();
    assertThat(
            plan(
                tagged(key(OLD), null),
                Map.of(),
                Map.of(),
                RotationSettings.defaults(),
                Optional.empty(),
                now))
        .isEqualTo(RotationPlan.empty());
    assertThat(
            plan(
                    tagged(key(OLD), null),
                    Map.of(),
                    Map.of(),
                    new RotationSettings(false, List.of("210987654321"), 24, Optional.empty()),
                    Optional.empty(),
                    now)
                .create())
        .isEmpty();
    assertThat(
            plan(
                    tagged(key(OLD), null),
                    Map.of(),
                    Map.of(),
                    new RotationSettings(true, List.of(), 24, Optional.empty()),
                    Optional.empty(),
                    now)
                .create())
        .hasSize(1);
    assertThat(plan(tagged(key(OLD), null), Map.of(), Map.of(), ON, Optional.of(ARN), now).create())
        .isEmpty();
  }

  @Test
  void userNameNoSecretCanCarry_isBlocked() {
    AccountInventory inventory =
        inventory(
            "svc,orders", Map.of(RotationPlanner.TAG, RotationPlanner.ASSISTED), key(OLD), null);

    RotationPlan plan = plan(inventory, FIRST_STAGE.plusSeconds(60));

    assertThat(plan.create()).isEmpty();
    assertThat(plan.blocked())
        .singleElement()
        .satisfies(b -> assertThat(b.reason()).contains("','"));
  }

  @Test
  void firstStageAlreadyAnnouncedByAnOrdinaryNotice_stillCreates_claimingItsOwnStage() {
    Map<String, KeyNoticeState> claimed =
        Map.of(
            KeyNoticeState.keyId(OLD_RESOURCE, OLD),
            new KeyNoticeState(OLD_RESOURCE, OLD, Set.of("14d")));

    RotationPlan plan =
        plan(
            tagged(key(OLD), null),
            Map.of(),
            claimed,
            ON,
            Optional.empty(),
            FIRST_STAGE.plusSeconds(60));

    assertThat(plan.create())
        .singleElement()
        .satisfies(c -> assertThat(c.stage()).isEqualTo(RotationPlanner.CREATED_STAGE));
  }

  /**
   * In progress: the old key's and the new key's last use, in hours before {@code now}, blank for
   * never.
   */
  @ParameterizedTest(name = "new used {0} h ago, old used {1} h ago, quiet {2} h: cut over {3}")
  @CsvSource({
    "1, 24, 24, true",
    "1, 23.99, 24, false",
    "1, 25, 24, true",
    "1, , 24, true",
    ", 48, 24, false",
    "1, 1, 1, true",
    "1, 0.99, 1, false"
  })
  void cutOver_onceTheNewKeyWasUsedAndTheOldOneWasQuietLongEnough(
      Double newHoursAgo, Double oldHoursAgo, int quietHours, boolean cutOver) {
    Instant now = NEW.plus(Duration.ofDays(3));
    Slot old = new Slot(true, OLD, ago(now, oldHoursAgo));
    Slot fresh = new Slot(true, NEW, ago(now, newHoursAgo));

    RotationPlan plan =
        plan(
            tagged(old, fresh),
            Map.of(USER, rotation(RotationRecord.Phase.IN_PROGRESS, OLD)),
            Map.of(),
            new RotationSettings(false, List.of(ACCOUNT), quietHours, Optional.empty()),
            Optional.empty(),
            now);

    assertThat(plan.watching())
        .singleElement()
        .satisfies(w -> assertThat(w.cutOverCandidate()).isEqualTo(cutOver));
    assertThat(plan.create()).isEmpty();
    assertThat(plan.blocked())
        .as("a rotation in progress is not blocked by its own new key")
        .isEmpty();
    assertThat(plan.handledKeys()).containsExactly(OLD_RESOURCE);
  }

  @ParameterizedTest(name = "{0} s from the deadline: cut over {1}")
  @CsvSource({"-1, true", "0, false"})
  void noEarlyCutOver_atTheDeadline(long seconds, boolean cutOver) {
    Instant now = DEADLINE.plusSeconds(seconds);
    RotationPlan plan =
        plan(
            tagged(
                new Slot(true, OLD, Optional.empty()),
                new Slot(true, NEW, Optional.of(now.minusSeconds(5)))),
            Map.of(USER, rotation(RotationRecord.Phase.IN_PROGRESS, OLD)),
            Map.of(),
            ON,
            Optional.empty(),
            now);

    assertThat(plan.watching())
        .singleElement()
        .satisfies(w -> assertThat(w.cutOverCandidate()).isEqualTo(cutOver));
  }

  @Test
  void newKeyDeactivated_isNoCutOver() {
    Instant now = NEW.plus(Duration.ofDays(3));
    RotationPlan plan =
        plan(
            tagged(key(OLD), new Slot(false, NEW, Optional.of(now.minusSeconds(60)))),
            Map.of(USER, rotation(RotationRecord.Phase.IN_PROGRESS, OLD)),
            Map.of(),
            ON,
            Optional.empty(),
            now);

    assertThat(plan.watching())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.newKeyActive()).isFalse();
              assertThat(w.cutOverCandidate()).isFalse();
            });
  }

  @Test
  void inProgress_remindsAtEachStageOnce_andFinishesWhenTheOldKeyIsInactive() {
    Instant sevenDays = DEADLINE.minus(Duration.ofDays(7));
    Map<String, RotationRecord> records =
        Map.of(USER, rotation(RotationRecord.Phase.IN_PROGRESS, OLD));
    Map<String, KeyNoticeState> created =
        Map.of(
            KeyNoticeState.keyId(OLD_RESOURCE, OLD),
            new KeyNoticeState(OLD_RESOURCE, OLD, Set.of("14d")));
    Map<String, KeyNoticeState> reminded =
        Map.of(
            KeyNoticeState.keyId(OLD_RESOURCE, OLD),
            new KeyNoticeState(OLD_RESOURCE, OLD, Set.of("14d", "7d")));

    assertThat(
            plan(
                    tagged(key(OLD), key(NEW)),
                    records,
                    created,
                    ON,
                    Optional.empty(),
                    sevenDays.minusSeconds(1))
                .watching()
                .get(0)
                .stage())
        .isEmpty();
    assertThat(
            plan(tagged(key(OLD), key(NEW)), records, created, ON, Optional.empty(), sevenDays)
                .watching()
                .get(0)
                .stage())
        .contains("7d");
    assertThat(
            plan(tagged(key(OLD), key(NEW)), records, reminded, ON, Optional.empty(), sevenDays)
                .watching()
                .get(0)
                .stage())
        .isEmpty();
    RotationPlan done =
        plan(
            tagged(new Slot(false, OLD, Optional.empty()), key(NEW)),
            records,
            created,
            ON,
            Optional.empty(),
            sevenDays);
    assertThat(done.finished())
        .singleElement()
        .satisfies(r -> assertThat(r.userName()).isEqualTo(USER));
    assertThat(done.watching()).isEmpty();
  }

  @Test
  void unfinishedIntent_isLeftToTheRotator() {
    RotationPlan plan =
        plan(
            tagged(key(OLD), null),
            Map.of(USER, rotation(RotationRecord.Phase.INTENT, OLD)),
            Map.of(),
            ON,
            Optional.empty(),
            FIRST_STAGE.plusSeconds(60));

    assertThat(plan).isEqualTo(RotationPlan.empty());
  }

  private static Optional<Instant> ago(Instant now, Double hours) {
    return hours == null
        ? Optional.empty()
        : Optional.of(now.minus(Duration.ofSeconds(Math.round(hours * 3600))));
  }
}
