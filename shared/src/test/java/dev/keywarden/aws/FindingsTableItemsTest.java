package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.KeywardenException;
import dev.keywarden.checks.Severity;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.notify.KeyNoticeState;
import dev.keywarden.notify.NoticeDraft;
import dev.keywarden.notify.NoticeKind;
import dev.keywarden.remediate.ActionLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class FindingsTableItemsTest {
  private static final String ACCOUNT = "111122223333";
  private static final Duration HISTORY = Duration.ofDays(400);
  private static final Instant FIRST_SEEN = Instant.parse("2026-10-01T06:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-24T06:00:00.123Z");
  private static final String KEY = "arn:aws:iam::111122223333:user/alice@example.com#access_key_1";

  static StoredFinding finding(FindingStatus status) {
    return StoredFinding.builder()
        .accountId(ACCOUNT)
        .checkId("key-rotation-due")
        .resourceId(KEY)
        .principal("alice@example.com")
        .severity(Severity.MEDIUM)
        .title("Key rotation due")
        .message("key 1 is 80 days old")
        .status(status)
        .firstSeen(FIRST_SEEN)
        .resolvedAt(status == FindingStatus.RESOLVED ? Optional.of(NOW) : Optional.empty())
        .deadline(Optional.of(Instant.parse("2026-12-30T06:00:00Z")))
        .exemptUntil(
            status == FindingStatus.EXEMPT
                ? Optional.of(LocalDate.parse("2027-01-31"))
                : Optional.empty())
        .exemptReason(
            status == FindingStatus.EXEMPT ? Optional.of("vendor integration") : Optional.empty())
        .version(7)
        .build();
  }

  static NoticeDraft draft() {
    Instant rotated = Instant.parse("2026-09-01T00:00:00Z");
    return new NoticeDraft(
        "run-1#alice@example.com",
        "alice@example.com",
        NoticeKind.ROTATION,
        "Rotate 1 access key",
        "Dear owner,\nrotate it.",
        Map.of(KeyNoticeState.keyId(KEY, rotated), new NoticeDraft.StageClaim(KEY, rotated, "14d")),
        Map.of("recipient", "alice@example.com", "kind", "rotation-notice", "accountId", ACCOUNT));
  }

  static ActionLogEntry action(ActionLogEntry.Phase phase, Optional<String> outcome) {
    return new ActionLogEntry(
        ACCOUNT,
        "deactivate:alice:AKIAEXAMPLE:2026-11-24T00:00:00Z",
        ActionLogEntry.Kind.DEACTIVATE,
        phase,
        "alice",
        "AKIAEXAMPLE",
        "run-1",
        NOW,
        "arn:aws:sts::111122223333:assumed-role/keywarden/x",
        "key 1 is 91 days old",
        outcome);
  }

  static RunSummary summary(boolean audited) {
    return RunSummary.builder(ACCOUNT, "run-1", NOW)
        .audited(audited)
        .failure(audited ? Optional.empty() : Optional.of("role could not be assumed"))
        .openBySeverity(Map.of(Severity.HIGH, 3, Severity.LOW, 1))
        .openByCheck(Map.of("key-expired", 2, "key-unused", 2))
        .users(1000)
        .activeKeys(800)
        .consoleUsers(200)
        .consoleUsersWithMfa(150)
        .rootMfa(audited ? Optional.of(true) : Optional.empty())
        .rootAccessKey(audited ? Optional.of(false) : Optional.empty())
        .opened(4)
        .resolved(2)
        .exempt(1)
        .deactivated(3)
        .notices(5)
        .wouldDeactivate(7)
        .build();
  }

  @Test
  void summary_whenReadFromAnItemWithSeverityNames_countsBySeverityAndWritesTheSameItem() {
    Map<String, AttributeValue> stored =
        new HashMap<>(FindingsTableItems.summary(summary(true), HISTORY));
    stored.put(
        "openBySeverity",
        AttributeValue.fromM(
            Map.of("HIGH", AttributeValue.fromN("3"), "LOW", AttributeValue.fromN("1"))));

    RunSummary read = FindingsTableItems.summary(stored);

    assertThat(read.openBySeverity())
        .containsExactly(Map.entry(Severity.HIGH, 3), Map.entry(Severity.LOW, 1));
    assertThat(FindingsTableItems.summary(read, HISTORY)).isEqualTo(stored);
  }

  @Test
  void summary_whenASeverityNameIsInAnotherCaseOrUnknown_readsItAnyCaseAndIgnoresTheUnknown() {
    Map<String, AttributeValue> stored =
        new HashMap<>(FindingsTableItems.summary(summary(true), HISTORY));
    stored.put(
        "openBySeverity",
        AttributeValue.fromM(
            Map.of("critical", AttributeValue.fromN("2"), "SEVERE", AttributeValue.fromN("5"))));

    assertThat(FindingsTableItems.summary(stored).openBySeverity())
        .containsExactly(Map.entry(Severity.CRITICAL, 2));
  }

  @Test
  void summary_whenReadFromAnItemWrittenBeforeDryRunCounts_hasNoWouldDeactivate() {
    Map<String, AttributeValue> item =
        new java.util.HashMap<>(FindingsTableItems.summary(summary(true), HISTORY));
    item.remove("wouldDeactivate");

    assertThat(FindingsTableItems.summary(item).wouldDeactivate()).isZero();
  }

  @ParameterizedTest
  @EnumSource(FindingStatus.class)
  void finding_whenWrittenAndRead_roundTrips(FindingStatus status) {
    StoredFinding finding = finding(status);

    assertThat(FindingsTableItems.finding(FindingsTableItems.finding(finding, HISTORY)))
        .isEqualTo(finding);
  }

  @Test
  void owners_roundTripsAndIsKeyedByTheAccountsOwnersItem() {
    Map<String, AttributeValue> item =
        FindingsTableItems.owners(ACCOUNT, Map.of("svc,deploy", "ops@example.com"));

    assertThat(item.get("sk").s()).isEqualTo("OWNERS");
    assertThat(item.get("pk").s()).isEqualTo("ACCOUNT#" + ACCOUNT);
    assertThat(FindingsTableItems.owners(item))
        .containsExactly(Map.entry("svc,deploy", "ops@example.com"));
    assertThat(FindingsTableItems.owners(Map.of())).isEmpty();
  }

  @Test
  void finding_whenWritten_isKeyedByAccountCheckAndResource() {
    Map<String, AttributeValue> item =
        FindingsTableItems.finding(finding(FindingStatus.OPEN), HISTORY);

    assertThat(item.get("pk").s()).isEqualTo("ACCOUNT#111122223333");
    assertThat(item.get("sk").s()).isEqualTo("FINDING#key-rotation-due#" + KEY);
    assertThat(item.get("version").n()).isEqualTo("7");
  }

  @Test
  void finding_whenResolved_expiresHistoryAfterResolution() {
    Map<String, AttributeValue> item =
        FindingsTableItems.finding(finding(FindingStatus.RESOLVED), HISTORY);

    assertThat(item.get("ttl").n()).isEqualTo(Long.toString(NOW.plus(HISTORY).getEpochSecond()));
  }

  @ParameterizedTest
  @EnumSource(
      value = FindingStatus.class,
      names = {"OPEN", "EXEMPT"})
  void finding_whenNotResolved_hasNoTtl(FindingStatus status) {
    assertThat(FindingsTableItems.finding(finding(status), HISTORY)).doesNotContainKey("ttl");
  }

  @Test
  void finding_whenAttributeMissing_namesItAndTheItem() {
    Map<String, AttributeValue> item =
        new HashMap<>(FindingsTableItems.finding(finding(FindingStatus.OPEN), HISTORY));
    item.remove("firstSeen");

    assertThatThrownBy(() -> FindingsTableItems.finding(item))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("'firstSeen'")
        .hasMessageContaining("FINDING#key-rotation-due#");
  }

  @Test
  void finding_whenStatusUnknown_namesTheValue() {
    Map<String, AttributeValue> item =
        new HashMap<>(FindingsTableItems.finding(finding(FindingStatus.OPEN), HISTORY));
    item.put("status", AttributeValue.fromS("SNOOZED"));

    assertThatThrownBy(() -> FindingsTableItems.finding(item))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("'status'")
        .hasMessageContaining("'SNOOZED'");
  }

  @Test
  void draft_whenWrittenAndRead_roundTrips() {
    NoticeDraft draft = draft();

    assertThat(FindingsTableItems.draft(FindingsTableItems.outbox(ACCOUNT, draft)))
        .isEqualTo(draft);
  }

  @Test
  void draft_whenWritten_storesClaimsAndAttributesAsMaps() {
    Map<String, AttributeValue> item = FindingsTableItems.outbox(ACCOUNT, draft());

    assertThat(item.get("sk").s()).isEqualTo("OUTBOX#run-1#alice@example.com");
    assertThat(item.get("claims").m().values())
        .singleElement()
        .satisfies(claim -> assertThat(claim.m().get("stage").s()).isEqualTo("14d"));
    assertThat(item.get("attributes").m())
        .containsEntry("accountId", AttributeValue.fromS(ACCOUNT));
    assertThat(item.get("kind")).isEqualTo(AttributeValue.fromS("rotation-notice"));
  }

  @Test
  void draft_whenReadFromAnItemWrittenWithTextKinds_hasTheKindItNames() {
    Map<String, AttributeValue> item =
        Map.of(
            "pk", AttributeValue.fromS("ACCOUNT#" + ACCOUNT),
            "sk", AttributeValue.fromS("OUTBOX#run-1#alice@example.com#deactivation-notice"),
            "type", AttributeValue.fromS("outbox"),
            "id", AttributeValue.fromS("run-1#alice@example.com#deactivation-notice"),
            "recipient", AttributeValue.fromS("alice@example.com"),
            "kind", AttributeValue.fromS("deactivation-notice"),
            "subject", AttributeValue.fromS("Keywarden: 1 access key deactivated"),
            "body", AttributeValue.fromS("Deactivated."),
            "claims", AttributeValue.fromM(Map.of()),
            "attributes",
                AttributeValue.fromM(Map.of("kind", AttributeValue.fromS("deactivation-notice"))));

    NoticeDraft draft = FindingsTableItems.draft(item);

    assertThat(draft.kind()).isEqualTo(NoticeKind.DEACTIVATION);
    assertThat(draft.attributes()).containsExactly(Map.entry("kind", "deactivation-notice"));
    assertThat(FindingsTableItems.outbox(ACCOUNT, draft)).isEqualTo(item);
  }

  @Test
  void noticeState_whenReadFromClaimedItem_hasItsStages() {
    Instant rotated = Instant.parse("2026-09-01T00:00:00Z");
    Map<String, AttributeValue> item =
        Map.of(
            "pk", AttributeValue.fromS("ACCOUNT#" + ACCOUNT),
            "sk", AttributeValue.fromS("NOTICE#" + KeyNoticeState.keyId(KEY, rotated)),
            "resourceId", AttributeValue.fromS(KEY),
            "lastRotated", AttributeValue.fromS(rotated.toString()),
            "stages", AttributeValue.fromSs(List.of("14d", "7d")));

    assertThat(FindingsTableItems.noticeState(item))
        .isEqualTo(new KeyNoticeState(KEY, rotated, Set.of("14d", "7d")));
  }

  @ParameterizedTest
  @EnumSource(ActionLogEntry.Phase.class)
  void action_whenWrittenAndRead_roundTrips(ActionLogEntry.Phase phase) {
    ActionLogEntry entry =
        action(
            phase,
            phase == ActionLogEntry.Phase.RESULT ? Optional.of("deactivated") : Optional.empty());

    assertThat(FindingsTableItems.action(FindingsTableItems.action(entry))).isEqualTo(entry);
  }

  @Test
  void action_whenWritten_isKeyedByActionAndPhase() {
    Map<String, AttributeValue> item =
        FindingsTableItems.action(action(ActionLogEntry.Phase.INTENT, Optional.empty()));

    assertThat(item.get("sk").s())
        .isEqualTo("ACTION#deactivate:alice:AKIAEXAMPLE:2026-11-24T00:00:00Z#INTENT");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void summary_whenWrittenAndRead_roundTrips(boolean audited) {
    RunSummary summary = summary(audited);

    assertThat(FindingsTableItems.summary(FindingsTableItems.summary(summary, HISTORY)))
        .isEqualTo(summary);
  }

  /** A small audited summary with the given skipped checks and unused roles. */
  private static RunSummary withSkipped(List<String> skipped, int unusedRoles) {
    RunSummary base = summary(true);
    return RunSummary.builder(base.accountId(), base.runId(), base.at())
        .openBySeverity(base.openBySeverity())
        .openByCheck(base.openByCheck())
        .users(3)
        .activeKeys(1)
        .consoleUsers(1)
        .consoleUsersWithMfa(1)
        .rootMfa(Optional.of(true))
        .rootAccessKey(Optional.of(false))
        .opened(1)
        .skippedChecks(Optional.of(skipped))
        .unusedRoles(Optional.of(unusedRoles))
        .build();
  }

  @Test
  void summary_withSkippedChecksAndUnusedRoles_roundTrips() {
    RunSummary summary = withSkipped(List.of("access-analyzer-disabled", "ssh-key-old"), 7);

    assertThat(FindingsTableItems.summary(FindingsTableItems.summary(summary, HISTORY)))
        .isEqualTo(summary);
  }

  @Test
  void summary_withNoSkippedCheck_keepsTheEmptyListApartFromUnknown() {
    RunSummary base = summary(true);
    RunSummary none = withSkipped(List.of(), 0);

    assertThat(
            FindingsTableItems.summary(FindingsTableItems.summary(none, HISTORY)).skippedChecks())
        .contains(List.of());
    assertThat(
            FindingsTableItems.summary(FindingsTableItems.summary(base, HISTORY)).skippedChecks())
        .isEmpty();
  }

  @Test
  void summary_whenWritten_isIndexedByIsoWeekThenAccountAndExpires() {
    Map<String, AttributeValue> item = FindingsTableItems.summary(summary(true), HISTORY);

    assertThat(item.get("sk").s()).isEqualTo("SUMMARY#2026-11-24T06:00:00.123Z#run-1");
    assertThat(item.get("gsi1pk").s()).isEqualTo("SUMMARY#2026-W48");
    assertThat(item.get("gsi1sk").s()).isEqualTo("111122223333#2026-11-24T06:00:00.123Z");
    assertThat(item.get("ttl").n()).isEqualTo(Long.toString(NOW.plus(HISTORY).getEpochSecond()));
    assertThat(item.get("openBySeverity").m()).containsEntry("HIGH", AttributeValue.fromN("3"));
  }

  @Test
  void translate_whenTableMissing_saysHowToCreateIt() {
    DynamoDbException missing =
        (DynamoDbException) ResourceNotFoundException.builder().message("not found").build();

    assertThat(FindingsTable.translate(missing, "load findings", "keywarden-findings", "eu-west-1"))
        .hasMessage(
            "table keywarden-findings does not exist in eu-west-1:"
                + " create it with 'keywarden setup' or deploy template.yaml");
  }

  @Test
  void translate_whenAccessDenied_namesTheOperationAndNeededPermissions() {
    DynamoDbException denied =
        (DynamoDbException)
            DynamoDbException.builder()
                .statusCode(400)
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .errorMessage("not authorized")
                        .build())
                .message("not authorized")
                .build();

    assertThat(FindingsTable.translate(denied, "load findings of account 1", "t1", "eu-west-1"))
        .hasMessageStartingWith(
            "access denied: could not load findings of account 1 in table t1 in eu-west-1")
        .hasMessageContaining("dynamodb:Query");
  }
}
