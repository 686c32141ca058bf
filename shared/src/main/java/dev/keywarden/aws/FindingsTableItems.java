package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.checks.Severity;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.IsoWeek;
import dev.keywarden.findings.RunRecord;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.notify.KeyNoticeState;
import dev.keywarden.notify.NoticeDraft;
import dev.keywarden.notify.NoticeKind;
import dev.keywarden.remediate.ActionLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Translates the store's records to and from findings-table items, so that the layout described in
 * {@link DynamoAccountStateStore} lives in one place and is tested without a table.
 */
final class FindingsTableItems {
  static final String PK = "pk";
  static final String SK = "sk";
  static final String GSI1 = "gsi1";
  static final String GSI1_PK = "gsi1pk";
  static final String GSI1_SK = "gsi1sk";
  static final String TTL = "ttl";
  static final String TYPE = "type";

  static final String FINDING = "FINDING#";
  static final String NOTICE = "NOTICE#";
  static final String OUTBOX = "OUTBOX#";
  static final String ACTION = "ACTION#";
  static final String SUMMARY = "SUMMARY#";
  static final String LEASE = "LEASE";
  static final String OWNERS = "OWNERS";
  static final String RUN_PK = "RUN#";
  static final String RUN = "RUN";

  static final String VERSION = "version";
  static final String STATUS = "status";
  static final String STAGES = "stages";
  static final String RESOURCE_ID = "resourceId";
  static final String LAST_ROTATED = "lastRotated";
  static final String RUN_ID = "runId";
  static final String UNTIL = "until";
  static final String HOLDER = "holder";
  static final String COMPLETED_RUN_ID = "completedRunId";

  private FindingsTableItems() {}

  static String pk(String accountId) {
    return "ACCOUNT#" + accountId;
  }

  static String findingSk(String checkId, String resourceId) {
    return FINDING + checkId + "#" + resourceId;
  }

  static String noticeSk(String keyId) {
    return NOTICE + keyId;
  }

  static String outboxSk(String draftId) {
    return OUTBOX + draftId;
  }

  static String actionSk(String actionId, ActionLogEntry.Phase phase) {
    return ACTION + actionId + "#" + phase.name();
  }

  static String summarySk(Instant at, String runId) {
    return SUMMARY + at + "#" + runId;
  }

  /** The account's key owners, one item per account, rewritten only when they change. */
  static Map<String, AttributeValue> owners(String accountId, Map<String, String> owners) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(key(accountId, OWNERS));
    item.put(TYPE, s("owners"));
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    owners.forEach((principal, owner) -> values.put(principal, s(owner)));
    item.put("owners", AttributeValue.builder().m(values).build());
    return item;
  }

  static Map<String, String> owners(Map<String, AttributeValue> item) {
    Map<String, String> owners = new java.util.TreeMap<>();
    AttributeValue value = item.get("owners");
    if (value != null && value.hasM()) {
      value.m().forEach((principal, owner) -> owners.put(principal, owner.s()));
    }
    return owners;
  }

  static String runPk(String runId) {
    return RUN_PK + runId;
  }

  static Map<String, AttributeValue> runKey(String runId) {
    return Map.of(PK, s(runPk(runId)), SK, s(RUN));
  }

  static Map<String, AttributeValue> run(RunRecord run, Duration history) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(runKey(run.runId()));
    item.put(TYPE, s("run"));
    item.put(TTL, n(run.startedAt().plus(history).getEpochSecond()));
    item.put(RUN_ID, s(run.runId()));
    item.put("startedAt", s(run.startedAt().toString()));
    item.put(
        "accountIds",
        AttributeValue.fromL(run.accountIds().stream().map(FindingsTableItems::s).toList()));
    item.put("accounts", n(run.accountIds().size()));
    return item;
  }

  static RunRecord run(Map<String, AttributeValue> item) {
    return new RunRecord(
        item.get(RUN_ID).s(),
        Instant.parse(item.get("startedAt").s()),
        item.get("accountIds").l().stream().map(AttributeValue::s).toList());
  }

  static Map<String, AttributeValue> key(String accountId, String sk) {
    return Map.of(PK, s(pk(accountId)), SK, s(sk));
  }

  // ---- findings

  static Map<String, AttributeValue> finding(StoredFinding finding, Duration history) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(PK, s(pk(finding.accountId())));
    item.put(SK, s(findingSk(finding.checkId(), finding.resourceId())));
    item.put(TYPE, s("finding"));
    item.put("accountId", s(finding.accountId()));
    item.put("checkId", s(finding.checkId()));
    item.put(RESOURCE_ID, s(finding.resourceId()));
    item.put("principal", s(finding.principal()));
    item.put("severity", s(finding.severity().name()));
    item.put("title", s(finding.title()));
    item.put("message", s(finding.message()));
    item.put(STATUS, s(finding.status().name()));
    item.put("firstSeen", s(finding.firstSeen().toString()));
    finding.resolvedAt().ifPresent(at -> item.put("resolvedAt", s(at.toString())));
    finding.deadline().ifPresent(at -> item.put("deadline", s(at.toString())));
    finding.exemptUntil().ifPresent(day -> item.put("exemptUntil", s(day.toString())));
    finding.exemptReason().ifPresent(reason -> item.put("exemptReason", s(reason)));
    item.put(VERSION, n(finding.version()));
    if (finding.status() == FindingStatus.RESOLVED) {
      Instant resolvedAt =
          finding
              .resolvedAt()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "resolved finding " + finding.key() + " has no resolvedAt"));
      item.put(TTL, n(resolvedAt.plus(history).getEpochSecond()));
    }
    return item;
  }

  static StoredFinding finding(Map<String, AttributeValue> item) {
    return StoredFinding.builder()
        .accountId(string(item, "accountId"))
        .checkId(string(item, "checkId"))
        .resourceId(string(item, RESOURCE_ID))
        .principal(string(item, "principal"))
        .severity(parse(item, "severity", Severity::valueOf))
        .title(string(item, "title"))
        .message(string(item, "message"))
        .status(parse(item, STATUS, FindingStatus::valueOf))
        .firstSeen(instant(item, "firstSeen"))
        .resolvedAt(
            optional(item, "resolvedAt").map(v -> parse(item, "resolvedAt", Instant::parse)))
        .deadline(optional(item, "deadline").map(v -> parse(item, "deadline", Instant::parse)))
        .exemptUntil(
            optional(item, "exemptUntil").map(v -> parse(item, "exemptUntil", LocalDate::parse)))
        .exemptReason(optional(item, "exemptReason"))
        .version(number(item, VERSION))
        .build();
  }

  // ---- notice states

  static KeyNoticeState noticeState(Map<String, AttributeValue> item) {
    AttributeValue stages = item.get(STAGES);
    return new KeyNoticeState(
        string(item, RESOURCE_ID),
        instant(item, LAST_ROTATED),
        stages == null || !stages.hasSs() ? Set.of() : new HashSet<>(stages.ss()));
  }

  // ---- outbox

  static Map<String, AttributeValue> outbox(String accountId, NoticeDraft draft) {
    Map<String, AttributeValue> claims = new LinkedHashMap<>();
    new TreeMap<>(draft.claims())
        .forEach(
            (keyId, claim) ->
                claims.put(
                    keyId,
                    m(
                        Map.of(
                            RESOURCE_ID,
                            s(claim.resourceId()),
                            LAST_ROTATED,
                            s(claim.lastRotated().toString()),
                            "stage",
                            s(claim.stage())))));
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    new TreeMap<>(draft.attributes()).forEach((name, value) -> attributes.put(name, s(value)));
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(PK, s(pk(accountId)));
    item.put(SK, s(outboxSk(draft.id())));
    item.put(TYPE, s("outbox"));
    item.put("id", s(draft.id()));
    item.put("recipient", s(draft.recipient()));
    item.put("kind", s(draft.kind().wire()));
    item.put("subject", s(draft.subject()));
    item.put("body", s(draft.body()));
    item.put("claims", m(claims));
    item.put("attributes", m(attributes));
    return item;
  }

  static NoticeDraft draft(Map<String, AttributeValue> item) {
    Map<String, NoticeDraft.StageClaim> claims = new LinkedHashMap<>();
    map(item, "claims")
        .forEach(
            (keyId, value) -> {
              Map<String, AttributeValue> claim = value.m();
              claims.put(
                  keyId,
                  new NoticeDraft.StageClaim(
                      string(claim, RESOURCE_ID),
                      instant(claim, LAST_ROTATED),
                      string(claim, "stage")));
            });
    Map<String, String> attributes = new LinkedHashMap<>();
    map(item, "attributes").forEach((name, value) -> attributes.put(name, value.s()));
    return new NoticeDraft(
        string(item, "id"),
        string(item, "recipient"),
        NoticeKind.fromWire(string(item, "kind")),
        string(item, "subject"),
        string(item, "body"),
        claims,
        attributes);
  }

  // ---- action log

  static Map<String, AttributeValue> action(ActionLogEntry entry) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(PK, s(pk(entry.accountId())));
    item.put(SK, s(actionSk(entry.actionId(), entry.phase())));
    item.put(TYPE, s("action"));
    item.put("accountId", s(entry.accountId()));
    item.put("actionId", s(entry.actionId()));
    item.put("kind", s(entry.kind().name()));
    item.put("phase", s(entry.phase().name()));
    item.put("userName", s(entry.userName()));
    item.put("accessKeyId", s(entry.accessKeyId()));
    item.put(RUN_ID, s(entry.runId()));
    item.put("at", s(entry.at().toString()));
    item.put("actor", s(entry.actor()));
    item.put("reason", s(entry.reason()));
    entry.outcome().ifPresent(outcome -> item.put("outcome", s(outcome)));
    return item;
  }

  static ActionLogEntry action(Map<String, AttributeValue> item) {
    return new ActionLogEntry(
        string(item, "accountId"),
        string(item, "actionId"),
        parse(item, "kind", ActionLogEntry.Kind::valueOf),
        parse(item, "phase", ActionLogEntry.Phase::valueOf),
        string(item, "userName"),
        string(item, "accessKeyId"),
        string(item, RUN_ID),
        instant(item, "at"),
        string(item, "actor"),
        string(item, "reason"),
        optional(item, "outcome"));
  }

  // ---- summaries

  static Map<String, AttributeValue> summary(RunSummary summary, Duration history) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(PK, s(pk(summary.accountId())));
    item.put(SK, s(summarySk(summary.at(), summary.runId())));
    item.put(GSI1_PK, s(SUMMARY + IsoWeek.of(summary.at())));
    item.put(GSI1_SK, s(summary.accountId() + "#" + summary.at()));
    item.put(TYPE, s("summary"));
    item.put(TTL, n(summary.at().plus(history).getEpochSecond()));
    item.put("accountId", s(summary.accountId()));
    item.put(RUN_ID, s(summary.runId()));
    item.put("at", s(summary.at().toString()));
    item.put("audited", AttributeValue.fromBool(summary.audited()));
    summary.failure().ifPresent(failure -> item.put("failure", s(failure)));
    item.put("openBySeverity", severityCounts(summary.openBySeverity()));
    item.put("openByCheck", counts(summary.openByCheck()));
    item.put("users", n(summary.users()));
    item.put("activeKeys", n(summary.activeKeys()));
    item.put("consoleUsers", n(summary.consoleUsers()));
    item.put("consoleUsersWithMfa", n(summary.consoleUsersWithMfa()));
    summary.rootMfa().ifPresent(flag -> item.put("rootMfa", AttributeValue.fromBool(flag)));
    summary
        .rootAccessKey()
        .ifPresent(flag -> item.put("rootAccessKey", AttributeValue.fromBool(flag)));
    item.put("opened", n(summary.opened()));
    item.put("resolved", n(summary.resolved()));
    item.put("exempt", n(summary.exempt()));
    item.put("deactivated", n(summary.deactivated()));
    item.put("deferred", n(summary.deferred()));
    item.put("notices", n(summary.notices()));
    summary
        .skippedChecks()
        .ifPresent(
            ids ->
                item.put(
                    "skippedChecks",
                    AttributeValue.fromL(ids.stream().map(FindingsTableItems::s).toList())));
    summary.unusedRoles().ifPresent(count -> item.put("unusedRoles", n(count)));
    item.put("wouldDeactivate", n(summary.wouldDeactivate()));
    return item;
  }

  static RunSummary summary(Map<String, AttributeValue> item) {
    return RunSummary.builder(string(item, "accountId"), string(item, RUN_ID), instant(item, "at"))
        .audited(bool(item, "audited"))
        .failure(optional(item, "failure"))
        .openBySeverity(severityCounts(item, "openBySeverity"))
        .openByCheck(counts(item, "openByCheck"))
        .users(integer(item, "users"))
        .activeKeys(integer(item, "activeKeys"))
        .consoleUsers(integer(item, "consoleUsers"))
        .consoleUsersWithMfa(integer(item, "consoleUsersWithMfa"))
        .rootMfa(Optional.ofNullable(item.get("rootMfa")).map(v -> bool(item, "rootMfa")))
        .rootAccessKey(
            Optional.ofNullable(item.get("rootAccessKey")).map(v -> bool(item, "rootAccessKey")))
        .opened(integer(item, "opened"))
        .resolved(integer(item, "resolved"))
        .exempt(integer(item, "exempt"))
        .deactivated(integer(item, "deactivated"))
        .deferred(integer(item, "deferred"))
        .notices(integer(item, "notices"))
        .skippedChecks(
            Optional.ofNullable(item.get("skippedChecks"))
                .map(v -> v.l().stream().map(AttributeValue::s).toList()))
        .unusedRoles(
            Optional.ofNullable(item.get("unusedRoles")).map(v -> integer(item, "unusedRoles")))
        .wouldDeactivate(item.containsKey("wouldDeactivate") ? integer(item, "wouldDeactivate") : 0)
        .build();
  }

  // ---- attribute values

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static AttributeValue m(Map<String, AttributeValue> value) {
    return AttributeValue.fromM(value);
  }

  private static AttributeValue counts(Map<String, Integer> counts) {
    Map<String, AttributeValue> value = new LinkedHashMap<>();
    new TreeMap<>(counts).forEach((name, count) -> value.put(name, n(count)));
    return m(value);
  }

  /** Severity counts stored as a map by severity name in capitals ({@code HIGH}), as ever. */
  private static AttributeValue severityCounts(Map<Severity, Integer> counts) {
    Map<String, Integer> byName = new LinkedHashMap<>();
    counts.forEach((severity, count) -> byName.put(severity.name(), count));
    return counts(byName);
  }

  /**
   * Severity counts read back by severity name in any case; a name that is no severity (none was
   * ever written) is ignored, as the weekly report always ignored it.
   */
  private static Map<Severity, Integer> severityCounts(
      Map<String, AttributeValue> item, String name) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    counts(item, name)
        .forEach(
            (key, count) ->
                Arrays.stream(Severity.values())
                    .filter(s -> s.name().equalsIgnoreCase(key))
                    .findFirst()
                    .ifPresent(s -> counts.merge(s, count, Integer::sum)));
    return counts;
  }

  private static Map<String, Integer> counts(Map<String, AttributeValue> item, String name) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    map(item, name)
        .forEach((key, value) -> counts.put(key, parse(value.n(), item, name, Integer::valueOf)));
    return counts;
  }

  private static AttributeValue required(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null) {
      throw malformed(item, name, "is missing");
    }
    return value;
  }

  static String string(Map<String, AttributeValue> item, String name) {
    String value = required(item, name).s();
    if (value == null) {
      throw malformed(item, name, "is not a string");
    }
    return value;
  }

  private static Optional<String> optional(Map<String, AttributeValue> item, String name) {
    return item.containsKey(name) ? Optional.of(string(item, name)) : Optional.empty();
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    String value = required(item, name).n();
    if (value == null) {
      throw malformed(item, name, "is not a number");
    }
    return parse(value, item, name, Long::valueOf);
  }

  private static int integer(Map<String, AttributeValue> item, String name) {
    return Math.toIntExact(number(item, name));
  }

  private static boolean bool(Map<String, AttributeValue> item, String name) {
    Boolean value = required(item, name).bool();
    if (value == null) {
      throw malformed(item, name, "is not a boolean");
    }
    return value;
  }

  private static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
    AttributeValue value = required(item, name);
    if (!value.hasM()) {
      throw malformed(item, name, "is not a map");
    }
    return value.m();
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    return parse(item, name, Instant::parse);
  }

  private static <T> T parse(
      Map<String, AttributeValue> item, String name, Function<String, T> parser) {
    return parse(string(item, name), item, name, parser);
  }

  private static <T> T parse(
      String text, Map<String, AttributeValue> item, String name, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      throw malformed(item, name, "has the unreadable value '" + text + "'");
    }
  }

  private static KeywardenException malformed(
      Map<String, AttributeValue> item, String name, String problem) {
    AttributeValue pk = item.get(PK);
    AttributeValue sk = item.get(SK);
    String where = pk == null || sk == null ? "an item" : "item " + pk.s() + " / " + sk.s();
    return new KeywardenException(
        "findings table: attribute '"
            + name
            + "' of "
            + where
            + " "
            + problem
            + "; it was not written by this version of Keywarden: fix or delete the item");
  }
}
