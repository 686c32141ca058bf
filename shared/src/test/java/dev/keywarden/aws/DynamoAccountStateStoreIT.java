package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.KeywardenException;
import dev.keywarden.audit.AccountState;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.IsoWeek;
import dev.keywarden.findings.Reconciler;
import dev.keywarden.findings.Reconciliation;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.notify.KeyNoticeState;
import dev.keywarden.notify.NoticeDraft;
import dev.keywarden.remediate.ActionLogEntry;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

@WithEmulator
class DynamoAccountStateStoreIT {
  private static final String TABLE = "keywarden-findings-it";
  private static final String ACCOUNT = "111122223333";
  private static final String OTHER_ACCOUNT = "444455556666";
  private static final Instant DAY_1 = Instant.parse("2026-11-23T06:00:00Z");
  private static final Instant DAY_2 = Instant.parse("2026-11-24T06:00:00Z");
  private static final Instant ROTATED = Instant.parse("2026-09-01T00:00:00Z");
  private static final Set<String> WRITES =
      Set.of(
          "DynamoDb:PutItem",
          "DynamoDb:UpdateItem",
          "DynamoDb:DeleteItem",
          "DynamoDb:TransactWriteItems",
          "DynamoDb:BatchWriteItem");

  private CallCounter calls;
  private AwsClientFactory clients;
  private DynamoDbClient dynamo;
  private DynamoAccountStateStore store;

  @BeforeEach
  void connect(AwsEndpoint emulator) {
    calls = CallCounter.create();
    clients = EmulatorClients.of(emulator, calls);
    dynamo = clients.dynamoDb();
    DynamoAccountStateStore.createTable(dynamo, TABLE);
    store =
        DynamoAccountStateStore.builder().client(dynamo).tableName(TABLE).historyDays(30).build();
    calls.reset();
  }

  @AfterEach
  void close() {
    clients.close();
  }

  private long writes() {
    return calls.snapshot().entrySet().stream()
        .filter(e -> WRITES.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static String keyResource(int user) {
    return "arn:aws:iam::" + ACCOUNT + ":user/user-" + user + "#access_key_1";
  }

  private static Finding unused(int user, int days) {
    return new Finding(
        "key-unused",
        Severity.MEDIUM,
        ACCOUNT,
        "user-" + user,
        keyResource(user),
        "Access key unused",
        "key 1 unused for " + days + " days",
        Optional.empty());
  }

  private static AuditResult result(Instant at, List<Finding> open) {
    return new AuditResult(ACCOUNT, at, open, List.of(), Map.of());
  }

  private static List<Finding> unusedKeys(int users, int days) {
    return IntStream.range(0, users).mapToObj(i -> unused(i, days + i)).toList();
  }

  /** One run's reconcile-and-write, as the auditor does it. */
  private Reconciliation run(Instant at, List<Finding> open) {
    Reconciliation reconciliation =
        Reconciler.reconcile(ACCOUNT, store.load(ACCOUNT).findings(), result(at, open), at);
    store.writeFindings(ACCOUNT, reconciliation.changed());
    return reconciliation;
  }

  private static NoticeDraft draft(String id, String stage, int... users) {
    Map<String, NoticeDraft.StageClaim> claims = new java.util.LinkedHashMap<>();
    for (int user : users) {
      claims.put(
          KeyNoticeState.keyId(keyResource(user), ROTATED),
          new NoticeDraft.StageClaim(keyResource(user), ROTATED, stage));
    }
    return new NoticeDraft(
        id,
        "owner@example.com",
        dev.keywarden.notify.NoticeKind.ROTATION,
        "Rotate your access keys",
        "Rotate them.",
        claims,
        Map.of("recipient", "owner@example.com", "kind", "rotation-notice", "accountId", ACCOUNT));
  }

  private static ActionLogEntry action(String actionId, ActionLogEntry.Phase phase, Instant at) {
    return new ActionLogEntry(
        ACCOUNT,
        actionId,
        ActionLogEntry.Kind.DEACTIVATE,
        phase,
        "user-1",
        "AKIAEXAMPLE1",
        "run-1",
        at,
        "arn:aws:iam::" + ACCOUNT + ":user/auditor",
        "key 1 is 91 days old",
        phase == ActionLogEntry.Phase.RESULT ? Optional.of("deactivated") : Optional.empty());
  }

  private static RunSummary summary(String accountId, String runId, Instant at, int opened) {
    return RunSummary.builder(accountId, runId, at)
        .openBySeverity(Map.of(Severity.MEDIUM, opened))
        .openByCheck(Map.of("key-unused", opened))
        .users(10)
        .activeKeys(8)
        .consoleUsers(2)
        .consoleUsersWithMfa(1)
        .rootMfa(Optional.of(true))
        .rootAccessKey(Optional.of(false))
        .opened(opened)
        .build();
  }

  private Map<String, AttributeValue> rawFinding(int user) {
    return dynamo
        .getItem(
            r ->
                r.tableName(TABLE)
                    .consistentRead(true)
                    .key(
                        FindingsTableItems.key(
                            ACCOUNT,
                            FindingsTableItems.findingSk("key-unused", keyResource(user)))))
        .item();
  }

  // ---- table

  @Test
  void createTable_whenCalled_createsOnDemandTableWithSummaryIndexAndTtl() {
    TableDescription table = dynamo.describeTable(r -> r.tableName(TABLE)).table();

    assertThat(table.keySchema())
        .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
        .containsExactly("pk:HASH", "sk:RANGE");
    assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(table.globalSecondaryIndexes())
        .singleElement()
        .satisfies(
            index -> {
              assertThat(index.indexName()).isEqualTo("gsi1");
              assertThat(index.keySchema())
                  .extracting(k -> k.attributeName())
                  .containsExactly("gsi1pk", "gsi1sk");
              assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
            });
    assertThat(dynamo.describeTimeToLive(r -> r.tableName(TABLE)).timeToLiveDescription())
        .satisfies(
            ttl -> {
              assertThat(ttl.attributeName()).isEqualTo("ttl");
              assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
            });
  }

  @Test
  void tableExists_whenCreated_isTrueAndOtherwiseFalse() {
    assertThat(DynamoAccountStateStore.tableExists(dynamo, TABLE)).isTrue();
    assertThat(DynamoAccountStateStore.tableExists(dynamo, "no-such-table")).isFalse();
  }

  @Test
  void createTable_whenTableExists_throwsNamingIt() {
    assertThatThrownBy(() -> DynamoAccountStateStore.createTable(dynamo, TABLE))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("table " + TABLE + " already exists");
  }

  @Test
  void load_whenTableMissing_saysHowToCreateIt(AwsEndpoint emulator) {
    DynamoAccountStateStore missing =
        DynamoAccountStateStore.builder().client(dynamo).tableName("no-such-table").build();

    assertThatThrownBy(() -> missing.load(ACCOUNT))
        .isInstanceOf(KeywardenException.class)
        .hasMessage(
            "table no-such-table does not exist in "
                + emulator.region()
                + ": create it with 'keywarden setup' or deploy template.yaml");
  }

  // ---- findings

  @Test
  void load_whenNothingStored_isEmpty() {
    assertThat(store.load(ACCOUNT)).isEqualTo(AccountState.empty());
  }

  @Test
  void writeFindings_whenFirstRun_writesOncePerFindingAndLoadReturnsThem() {
    Reconciliation first = run(DAY_1, unusedKeys(20, 50));

    assertThat(writes()).isEqualTo(20);
    assertThat(store.load(ACCOUNT).findings())
        .hasSize(20)
        .containsAllEntriesOf(
            first.changed().stream()
                .collect(java.util.stream.Collectors.toMap(StoredFinding::key, f -> f)));
  }

  @Test
  void writeFindings_whenSteadyStateRunOnlyAgesMessages_writesNothing() {
    run(DAY_1, unusedKeys(20, 50));
    calls.reset();

    Reconciliation second = run(DAY_2, unusedKeys(20, 51));

    assertThat(second.stillOpen()).isEqualTo(20);
    assertThat(writes()).as("writes: %s", calls.snapshot()).isZero();
  }

  @Test
  void writeFindings_whenFindingResolved_setsTtlAfterHistory() {
    run(DAY_1, unusedKeys(2, 50));

    run(DAY_2, List.of(unused(0, 51)));

    Map<String, AttributeValue> resolved = rawFinding(1);
    assertThat(resolved.get("status").s()).isEqualTo("RESOLVED");
    assertThat(resolved.get("ttl").n())
        .isEqualTo(Long.toString(DAY_2.plus(Duration.ofDays(30)).getEpochSecond()));
    assertThat(rawFinding(0)).doesNotContainKey("ttl");
  }

  @Test
  void writeFindings_whenResolvedFindingReopens_removesItsTtl() {
    run(DAY_1, unusedKeys(1, 50));
    run(DAY_2, List.of());

    run(DAY_2.plus(Duration.ofDays(1)), unusedKeys(1, 52));

    assertThat(rawFinding(0))
        .doesNotContainKey("ttl")
        .containsEntry("status", AttributeValue.fromS("OPEN"));
  }

  @Test
  void writeFindings_whenAnotherRunChangedTheFinding_throwsNamingFindingAndAccount() {
    Map<String, StoredFinding> readByBoth = Map.of();
    StoredFinding first =
        Reconciler.reconcile(ACCOUNT, readByBoth, result(DAY_1, List.of(unused(7, 50))), DAY_1)
            .changed()
            .get(0);
    StoredFinding second =
        Reconciler.reconcile(ACCOUNT, readByBoth, result(DAY_2, List.of(unused(7, 51))), DAY_2)
            .changed()
            .get(0);
    store.writeFindings(ACCOUNT, List.of(first));

    assertThatThrownBy(() -> store.writeFindings(ACCOUNT, List.of(second)))
        .isInstanceOf(KeywardenException.class)
        .hasMessage(
            "another run changed finding key-unused#"
                + keyResource(7)
                + " of account "
                + ACCOUNT
                + "; this run stops, the next one will reconcile");
  }

  /**
   * A put whose answer was lost after DynamoDB applied it is sent again by the SDK and fails its
   * condition.
   */
  @Test
  void writeFindings_whenTheTableAlreadyHoldsThisVeryVersion_takesTheWriteAsDone() {
    StoredFinding first =
        Reconciler.reconcile(ACCOUNT, Map.of(), result(DAY_1, List.of(unused(7, 50))), DAY_1)
            .changed()
            .get(0);
    store.writeFindings(ACCOUNT, List.of(first));

    store.writeFindings(ACCOUNT, List.of(first));

    assertThat(store.load(ACCOUNT).findings()).containsExactly(Map.entry(first.key(), first));
  }

  @Test
  void writeFindings_whenVersionReadIsStale_throws() {
    run(DAY_1, unusedKeys(1, 50));
    Map<String, StoredFinding> stale = store.load(ACCOUNT).findings();
    run(DAY_2, List.of());

    Instant later = DAY_2.plus(Duration.ofHours(1));
    Reconciliation late = Reconciler.reconcile(ACCOUNT, stale, result(later, List.of()), later);

    assertThatThrownBy(() -> store.writeFindings(ACCOUNT, late.changed()))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("another run changed finding");
  }

  @Test
  void findings_whenStatusGiven_returnsOnlyThoseInKeyOrder() {
    run(DAY_1, unusedKeys(3, 50));
    run(DAY_2, List.of(unused(2, 51), unused(0, 51)));

    assertThat(store.findings(ACCOUNT, Optional.of(FindingStatus.OPEN)))
        .extracting(StoredFinding::resourceId)
        .containsExactly(keyResource(0), keyResource(2));
    assertThat(store.findings(ACCOUNT, Optional.of(FindingStatus.RESOLVED)))
        .extracting(StoredFinding::resourceId)
        .containsExactly(keyResource(1));
    assertThat(store.findings(ACCOUNT, Optional.empty())).hasSize(3);
  }

  @Test
  void findings_whenOtherAccountHasFindings_leavesThemOut() {
    run(DAY_1, unusedKeys(2, 50));

    assertThat(store.findings(OTHER_ACCOUNT, Optional.empty())).isEmpty();
  }

  // ---- lease

  @Test
  void acquireLease_whenAnotherRunHoldsIt_fails() {
    assertThat(store.acquireLease(ACCOUNT, "run-a", DAY_1, Duration.ofMinutes(15))).isTrue();

    assertThat(
            store.acquireLease(
                ACCOUNT, "run-b", DAY_1.plus(Duration.ofMinutes(5)), Duration.ofMinutes(15)))
        .isFalse();
  }

  @Test
  void acquireLease_whenHolderAsksAgain_extendsIt() {
    store.acquireLease(ACCOUNT, "run-a", DAY_1, Duration.ofMinutes(15));

    assertThat(
            store.acquireLease(
                ACCOUNT, "run-a", DAY_1.plus(Duration.ofMinutes(5)), Duration.ofMinutes(15)))
        .isTrue();
    assertThat(
            store.acquireLease(
                ACCOUNT, "run-b", DAY_1.plus(Duration.ofMinutes(16)), Duration.ofMinutes(15)))
        .isFalse();
  }

  /**
   * One request delivered twice at once: two processes, each with its own store, ask for the same
   * run.
   */
  @Test
  void acquireLease_whenAnotherProcessHoldsItForTheSameRun_fails() {
    DynamoAccountStateStore otherProcess =
        DynamoAccountStateStore.builder().client(dynamo).tableName(TABLE).build();
    assertThat(store.acquireLease(ACCOUNT, "run-a", DAY_1, Duration.ofMinutes(15))).isTrue();

    assertThat(otherProcess.acquireLease(ACCOUNT, "run-a", DAY_1, Duration.ofMinutes(15)))
        .isFalse();
  }

  @Test
  void releaseLease_whenAnotherProcessOfTheSameRunHoldsIt_leavesTheirs() {
    DynamoAccountStateStore otherProcess =
        DynamoAccountStateStore.builder().client(dynamo).tableName(TABLE).build();
    store.acquireLease(ACCOUNT, "run-a", DAY_1, Duration.ofMinutes(15));

    otherProcess.releaseLease(ACCOUNT, "run-a");

    assertThat(
            otherProcess.acquireLease(
                ACCOUNT, "run-a", DAY_1.plus(Duration.ofMinutes(1)), Duration.ofMinutes(15)))
        .isFalse();
  }

  @Test
  void acquireLease_whenHeldLeaseExpired_succeeds() {
    store.acquireLease(ACCOUNT, "run-a", DAY_1, Duration.ofMinutes(15));

    assertThat(
            store.acquireLease(
                ACCOUNT, "run-b", DAY_1.plus(Duration.ofMinutes(16)), Duration.ofMinutes(15)))
        .isTrue();
  }

  @Test
  void acquireLease_whenHolderReleasedIt_succeeds() {
    store.acquireLease(ACCOUNT, "run-a", DAY_1, Duration.ofMinutes(15));
    store.releaseLease(ACCOUNT, "run-a");

    assertThat(
            store.acquireLease(
                ACCOUNT, "run-b", DAY_1.plus(Duration.ofMinutes(1)), Duration.ofMinutes(15)))
        .isTrue();
  }

  @Test
  void releaseLease_whenAnotherRunTookItOver_leavesTheirs() {
    store.acquireLease(ACCOUNT, "run-a", DAY_1, Duration.ofMinutes(15));
    store.acquireLease(
        ACCOUNT, "run-b", DAY_1.plus(Duration.ofMinutes(16)), Duration.ofMinutes(15));

    store.releaseLease(ACCOUNT, "run-a");

    assertThat(
            store.acquireLease(
                ACCOUNT, "run-c", DAY_1.plus(Duration.ofMinutes(20)), Duration.ofMinutes(15)))
        .isFalse();
  }

  @Test
  void acquireLease_whenThisRunCompletedTheAccount_failsAndSaysItIsDone() {
    store.acquireLease(ACCOUNT, "run-a", DAY_1, Duration.ofMinutes(15));
    store.completeLease(ACCOUNT, "run-a");

    assertThat(
            store.acquireLease(
                ACCOUNT, "run-a", DAY_1.plus(Duration.ofMinutes(1)), Duration.ofMinutes(15)))
        .isFalse();
    assertThat(store.completed(ACCOUNT, "run-a")).isTrue();
    assertThat(store.completed(ACCOUNT, "run-b")).isFalse();
  }

  @Test
  void acquireLease_whenAnotherRunCompletedTheAccount_succeedsAtOnce() {
    store.acquireLease(ACCOUNT, "run-a", DAY_1, Duration.ofMinutes(15));
    store.completeLease(ACCOUNT, "run-a");

    assertThat(
            store.acquireLease(
                ACCOUNT, "run-b", DAY_1.plus(Duration.ofMinutes(1)), Duration.ofMinutes(15)))
        .isTrue();
    assertThat(store.completed(ACCOUNT, "run-a"))
        .as("the next run's lease replaces the mark")
        .isFalse();
  }

  @Test
  void completeLease_whenAnotherProcessHoldsTheLease_leavesItHeld() {
    DynamoAccountStateStore otherProcess =
        DynamoAccountStateStore.builder().client(dynamo).tableName(TABLE).build();
    store.acquireLease(ACCOUNT, "run-a", DAY_1, Duration.ofMinutes(15));

    otherProcess.completeLease(ACCOUNT, "run-a");

    assertThat(store.completed(ACCOUNT, "run-a")).isFalse();
    assertThat(
            otherProcess.acquireLease(
                ACCOUNT, "run-b", DAY_1.plus(Duration.ofMinutes(1)), Duration.ofMinutes(15)))
        .isFalse();
  }

  @Test
  void acquireLease_whenOtherAccountLeased_succeeds() {
    store.acquireLease(OTHER_ACCOUNT, "run-a", DAY_1, Duration.ofMinutes(15));

    assertThat(store.acquireLease(ACCOUNT, "run-b", DAY_1, Duration.ofMinutes(15))).isTrue();
  }

  // ---- notices

  @Test
  void claimNotice_whenStagesFree_claimsThemAndStoresTheDraft() {
    NoticeDraft draft = draft("run-1#owner@example.com", "14d", 1, 2);

    assertThat(store.claimNotice(ACCOUNT, draft)).isTrue();

    AccountState state = store.load(ACCOUNT);
    assertThat(state.noticeStates())
        .containsOnlyKeys(
            KeyNoticeState.keyId(keyResource(1), ROTATED),
            KeyNoticeState.keyId(keyResource(2), ROTATED));
    assertThat(state.noticeStates().get(KeyNoticeState.keyId(keyResource(1), ROTATED)))
        .isEqualTo(new KeyNoticeState(keyResource(1), ROTATED, Set.of("14d")));
    assertThat(state.pendingNotices()).containsExactly(draft);
  }

  @Test
  void claimNotice_whenSameStageClaimedAgain_returnsFalseAndWritesNothing() {
    store.claimNotice(ACCOUNT, draft("run-1#owner@example.com", "14d", 1));
    store.completeNotice(ACCOUNT, "run-1#owner@example.com");

    boolean again = store.claimNotice(ACCOUNT, draft("run-2#owner@example.com", "14d", 2, 1));

    assertThat(again).isFalse();
    AccountState state = store.load(ACCOUNT);
    assertThat(state.pendingNotices()).isEmpty();
    assertThat(state.noticeStates())
        .containsOnlyKeys(KeyNoticeState.keyId(keyResource(1), ROTATED));
  }

  @Test
  void claimNotice_whenNextStageOfSameKey_addsItToTheStages() {
    store.claimNotice(ACCOUNT, draft("run-1#owner@example.com", "14d", 1));

    assertThat(store.claimNotice(ACCOUNT, draft("run-2#owner@example.com", "7d", 1))).isTrue();

    assertThat(
            store
                .load(ACCOUNT)
                .noticeStates()
                .get(KeyNoticeState.keyId(keyResource(1), ROTATED))
                .stages())
        .containsExactlyInAnyOrder("14d", "7d");
  }

  @Test
  void claimNotice_whenTooManyKeys_refusesBeforeWriting() {
    NoticeDraft huge = draft("run-1#owner@example.com", "14d", IntStream.range(0, 100).toArray());

    assertThatThrownBy(() -> store.claimNotice(ACCOUNT, huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 99");
    assertThat(writes()).isZero();
  }

  @Test
  void completeNotice_whenDraftPending_removesItFromLoad() {
    store.claimNotice(ACCOUNT, draft("run-1#owner@example.com", "14d", 1));
    assertThat(store.load(ACCOUNT).pendingNotices()).hasSize(1);

    store.completeNotice(ACCOUNT, "run-1#owner@example.com");

    assertThat(store.load(ACCOUNT).pendingNotices()).isEmpty();
    assertThat(store.load(ACCOUNT).noticeStates()).hasSize(1);
  }

  // ---- action log

  @Test
  void appendAction_whenSameEntryTwice_keepsTheFirstAndReturnsFalse() {
    ActionLogEntry intent =
        action("deactivate:user-1:AKIAEXAMPLE1:2026-11-23", ActionLogEntry.Phase.INTENT, DAY_1);
    ActionLogEntry laterCopy =
        action("deactivate:user-1:AKIAEXAMPLE1:2026-11-23", ActionLogEntry.Phase.INTENT, DAY_2);

    assertThat(store.appendAction(intent)).isTrue();
    assertThat(store.appendAction(laterCopy)).isFalse();

    assertThat(store.load(ACCOUNT).actions()).containsExactly(intent);
  }

  @Test
  void load_whenActionsLogged_returnsThemOldestFirst() {
    ActionLogEntry laterIntent = action("a-later", ActionLogEntry.Phase.INTENT, DAY_2);
    ActionLogEntry earlyIntent = action("z-early", ActionLogEntry.Phase.INTENT, DAY_1);
    ActionLogEntry earlyResult = action("z-early", ActionLogEntry.Phase.RESULT, DAY_1);
    store.appendAction(laterIntent);
    store.appendAction(earlyResult);
    store.appendAction(earlyIntent);

    assertThat(store.load(ACCOUNT).actions())
        .containsExactly(earlyIntent, earlyResult, laterIntent);
  }

  // ---- summaries

  @Test
  void summariesForWeek_whenAccountsRanSeveralTimes_returnsLatestPerAccount() {
    Instant monday = Instant.parse("2026-11-23T06:00:00Z");
    Instant tuesday = Instant.parse("2026-11-24T06:00:00Z");
    Instant nextMonday = Instant.parse("2026-11-30T06:00:00Z");
    store.putSummary(summary(ACCOUNT, "run-1", monday, 1));
    store.putSummary(summary(ACCOUNT, "run-2", tuesday, 2));
    store.putSummary(summary(ACCOUNT, "run-3", nextMonday, 3));
    store.putSummary(summary(OTHER_ACCOUNT, "run-1", monday, 4));

    List<RunSummary> week = store.summariesForWeek(IsoWeek.of(tuesday));

    assertThat(week)
        .containsExactly(
            summary(ACCOUNT, "run-2", tuesday, 2), summary(OTHER_ACCOUNT, "run-1", monday, 4));
  }

  @Test
  void load_whenSummariesStored_leavesThemOut() {
    store.putSummary(summary(ACCOUNT, "run-1", DAY_1, 1));

    assertThat(store.load(ACCOUNT)).isEqualTo(AccountState.empty());
  }

  // ---- cost of a large account

  @Test
  void writeFindings_whenThousandFindingAccount_firstRunWritesEachOnceAndSteadyStateNone() {
    calls.reset();
    run(DAY_1, unusedKeys(1_000, 50));
    long firstRun = writes();
    long firstRunCalls = calls.total("DynamoDb");
    calls.reset();

    store.putSummary(summary(ACCOUNT, "run-2", DAY_2, 0));
    run(DAY_2, unusedKeys(1_000, 51));
    long steadyState = writes();
    long steadyStateCalls = calls.total("DynamoDb");

    System.out.printf(
        "1,000-finding account: first run %d DynamoDB writes (%d calls); steady state %d writes (%d calls): %s%n",
        firstRun, firstRunCalls, steadyState, steadyStateCalls, calls.snapshot());
    assertThat(firstRun).isEqualTo(1_000);
    assertThat(steadyState).as("steady state writes only its summary").isEqualTo(1);
  }
}
