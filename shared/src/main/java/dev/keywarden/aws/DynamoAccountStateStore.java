package dev.keywarden.aws;

import static dev.keywarden.aws.FindingsTableItems.ACTION;
import static dev.keywarden.aws.FindingsTableItems.COMPLETED_RUN_ID;
import static dev.keywarden.aws.FindingsTableItems.FINDING;
import static dev.keywarden.aws.FindingsTableItems.GSI1;
import static dev.keywarden.aws.FindingsTableItems.GSI1_PK;
import static dev.keywarden.aws.FindingsTableItems.GSI1_SK;
import static dev.keywarden.aws.FindingsTableItems.HOLDER;
import static dev.keywarden.aws.FindingsTableItems.LAST_ROTATED;
import static dev.keywarden.aws.FindingsTableItems.LEASE;
import static dev.keywarden.aws.FindingsTableItems.NOTICE;
import static dev.keywarden.aws.FindingsTableItems.OUTBOX;
import static dev.keywarden.aws.FindingsTableItems.PK;
import static dev.keywarden.aws.FindingsTableItems.RESOURCE_ID;
import static dev.keywarden.aws.FindingsTableItems.RUN_ID;
import static dev.keywarden.aws.FindingsTableItems.SK;
import static dev.keywarden.aws.FindingsTableItems.STAGES;
import static dev.keywarden.aws.FindingsTableItems.STATUS;
import static dev.keywarden.aws.FindingsTableItems.SUMMARY;
import static dev.keywarden.aws.FindingsTableItems.TTL;
import static dev.keywarden.aws.FindingsTableItems.TYPE;
import static dev.keywarden.aws.FindingsTableItems.UNTIL;
import static dev.keywarden.aws.FindingsTableItems.VERSION;
import static dev.keywarden.aws.FindingsTableItems.key;
import static dev.keywarden.aws.FindingsTableItems.n;
import static dev.keywarden.aws.FindingsTableItems.pk;
import static dev.keywarden.aws.FindingsTableItems.s;

import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import dev.keywarden.findings.AccountState;
import dev.keywarden.findings.AccountStateStore;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.RunRecord;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.notify.KeyNoticeState;
import dev.keywarden.notify.NoticeDraft;
import dev.keywarden.remediate.ActionLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Keeps each account's findings, notice stages, notice outbox, action log, run summaries and run
 * lease in one DynamoDB table, so that a run reads its account with four queries and, in steady
 * state, writes little more than its summary.
 *
 * <h2>Table</h2>
 * Partition key {@code pk} (S), sort key {@code sk} (S), on-demand billing, TTL attribute
 * {@code ttl} (epoch seconds), and one global secondary index {@code gsi1} ({@code gsi1pk} S,
 * {@code gsi1sk} S, all attributes projected) that only summaries populate.
 *
 * <h2>Items ({@code pk = ACCOUNT#<account id>} for all of them)</h2>
 * <table>
 *   <caption>Item layout</caption>
 *   <tr><th>{@code sk}</th><th>attributes</th></tr>
 *   <tr><td>{@code FINDING#<checkId>#<resourceId>}</td><td>every {@link StoredFinding} field (instants
 *       and dates ISO-8601, {@code version} N); {@code ttl} = resolvedAt + history when resolved, absent
 *       otherwise</td></tr>
 *   <tr><td>{@code NOTICE#<resourceId>@<lastRotated>}</td><td>{@code resourceId}, {@code lastRotated},
 *       {@code stages} (string set of claimed stages)</td></tr>
 *   <tr><td>{@code OUTBOX#<draftId>}</td><td>the {@link NoticeDraft} fields; {@code claims} a map of key id
 *       to {@code {resourceId, lastRotated, stage}}, {@code attributes} a map of strings</td></tr>
 *   <tr><td>{@code ACTION#<actionId>#<INTENT|RESULT>}</td><td>every {@link ActionLogEntry} field; written
 *       once, never changed</td></tr>
 *   <tr><td>{@code SUMMARY#<at>#<runId>}</td><td>every {@link RunSummary} field (per-severity and per-check
 *       counts as maps of numbers); {@code gsi1pk = SUMMARY#<ISO week of at>}, {@code gsi1sk =
 *       <accountId>#<at>}; {@code ttl} = at + history</td></tr>
 *   <tr><td>{@code LEASE}</td><td>{@code runId}, {@code holder} (the store instance that took it),
 *       {@code until} (epoch millis); {@code ttl} a day after {@code until}, to clear leases of runs that
 *       died</td></tr>
 * </table>
 * One more item per run, outside any account: {@code pk = RUN#<runId>}, {@code sk = RUN}, with
 * {@code runId}, {@code startedAt}, {@code accountIds} (list of strings), {@code accounts} (N) and
 * {@code ttl} = startedAt + history.
 *
 * <p>Every item also carries {@code type} ({@code finding}, {@code notice}, ...) for people browsing the
 * table.
 *
 * <p>Findings are written one conditional {@code PutItem} each (a batch cannot carry conditions);
 * notice claims and their outbox entry in one transaction. Nothing is logged here: errors name
 * the account, the table and item keys only.
 */
public final class DynamoAccountStateStore implements AccountStateStore {
  /** The table's name unless configured otherwise. */
  public static final String DEFAULT_TABLE_NAME = "keywarden-findings";
  /** How long resolved findings and summaries are kept, unless configured otherwise. */
  public static final int DEFAULT_HISTORY_DAYS = 400;
  /**
   * The most keys one notice can claim: a DynamoDB transaction holds at most 100 writes, and the
   * outbox entry is one of them.
   */
  public static final int MAX_CLAIMS_PER_NOTICE = 99;

  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
  private static final Duration LEASE_CLEANUP = Duration.ofDays(1);

  private final DynamoDbClient client;
  private final String tableName;
  private final Duration history;
  /**
   * Names this store's leases beside the run id: one audit request delivered twice at once (SQS
   * standard queues may) starts two runs with the same id, and only one of them may hold the
   * account; the SDK retrying this store's own lease write still finds the lease its own.
   */
  private final String leaseHolder = UUID.randomUUID().toString();

  private DynamoAccountStateStore(Builder builder) {
    this.client = Objects.requireNonNull(builder.client, "client");
    this.tableName = builder.tableName;
    this.history = Duration.ofDays(builder.historyDays);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A store on the default table with the default history. */
  public static DynamoAccountStateStore create(DynamoDbClient client) {
    return builder().client(client).build();
  }

  /** Settings of a {@link DynamoAccountStateStore}; only the client is required. */
  public static final class Builder {
    private DynamoDbClient client;
    private String tableName = DEFAULT_TABLE_NAME;
    private int historyDays = DEFAULT_HISTORY_DAYS;

    private Builder() {}

    public Builder client(DynamoDbClient client) {
      this.client = client;
      return this;
    }

    /** The table's name; DynamoDB allows 3 to 255 letters, digits, {@code _}, {@code -} and {@code .}. */
    public Builder tableName(String tableName) {
      if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
        throw new InvalidInputException("findings table name: '" + tableName + "' is not a DynamoDB table name;"
            + " use 3 to 255 letters, digits, '_', '-' or '.', such as " + DEFAULT_TABLE_NAME);
      }
      this.tableName = tableName;
      return this;
    }

    /** How many days resolved findings and run summaries are kept before DynamoDB expires them. */
    public Builder historyDays(int historyDays) {
      if (historyDays < 1) {
        throw new InvalidInputException("findings history: " + historyDays + " days is too short;"
            + " keep at least 1 day (the default is " + DEFAULT_HISTORY_DAYS + ")");
      }
      this.historyDays = historyDays;
      return this;
    }

    public DynamoAccountStateStore build() {
      return new DynamoAccountStateStore(this);
    }
  }

  public String tableName() {
    return tableName;
  }

  // ---- reads

  @Override
  public AccountState load(String accountId) {
    Map<String, StoredFinding> findings = new LinkedHashMap<>();
    query(accountId, FINDING, Optional.empty(), "load findings").forEach(item -> {
      StoredFinding finding = FindingsTableItems.finding(item);
      findings.put(finding.key(), finding);
    });
    Map<String, KeyNoticeState> notices = new LinkedHashMap<>();
    query(accountId, NOTICE, Optional.empty(), "load notice stages").forEach(item -> {
      KeyNoticeState state = FindingsTableItems.noticeState(item);
      notices.put(state.keyId(), state);
    });
    List<NoticeDraft> outbox = query(accountId, OUTBOX, Optional.empty(), "load the notice outbox").stream()
        .map(FindingsTableItems::draft)
        .toList();
    List<ActionLogEntry> actions = query(accountId, ACTION, Optional.empty(), "load the action log").stream()
        .map(FindingsTableItems::action)
        .sorted(Comparator.comparing(ActionLogEntry::at).thenComparing(ActionLogEntry::phase))
        .toList();
    return new AccountState(findings, notices, outbox, actions);
  }

  /** The account's findings, all of them or those with one status, ordered by check id then resource id. */
  public List<StoredFinding> findings(String accountId, Optional<FindingStatus> status) {
    return query(accountId, FINDING, status, "read findings").stream()
        .map(FindingsTableItems::finding)
        .sorted(Comparator.comparing(StoredFinding::checkId).thenComparing(StoredFinding::resourceId))
        .toList();
  }

  /**
   * Each account's latest run summary in an ISO week, ordered by account id.
   *
   * @param isoWeek such as {@code 2026-W48} (see {@link dev.keywarden.findings.IsoWeek})
   */
  public List<RunSummary> summariesForWeek(String isoWeek) {
    Map<String, RunSummary> latest = new TreeMap<>();
    runSummariesForWeek(isoWeek).forEach(summary ->
        latest.merge(summary.accountId(), summary, (a, b) -> b.at().isAfter(a.at()) ? b : a));
    return List.copyOf(latest.values());
  }

  /** Every run summary of the ISO week, all accounts, through the week index: what the weekly report reads. */
  public List<RunSummary> runSummariesForWeek(String isoWeek) {
    QueryRequest request = QueryRequest.builder()
        .tableName(tableName)
        .indexName(GSI1)
        .keyConditionExpression("#pk = :pk")
        .expressionAttributeNames(Map.of("#pk", GSI1_PK))
        .expressionAttributeValues(Map.of(":pk", s(SUMMARY + isoWeek)))
        .build();
    return call("read the summaries of week " + isoWeek, () -> {
      List<RunSummary> all = new ArrayList<>();
      client.queryPaginator(request).items().forEach(item -> all.add(FindingsTableItems.summary(item)));
      return List.copyOf(all);
    });
  }

  private List<Map<String, AttributeValue>> query(String accountId, String prefix, Optional<FindingStatus> status, String what) {
    Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#sk", SK));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk(accountId)), ":prefix", s(prefix)));
    QueryRequest.Builder request = QueryRequest.builder()
        .tableName(tableName)
        .consistentRead(true)
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)");
    status.ifPresent(wanted -> {
      names.put("#status", STATUS);
      values.put(":status", s(wanted.name()));
      request.filterExpression("#status = :status");
    });
    QueryRequest built = request.expressionAttributeNames(names).expressionAttributeValues(values).build();
    return call(what + " of account " + accountId, () -> {
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      client.queryPaginator(built).items().forEach(items::add);
      return items;
    });
  }

  // ---- lease

  @Override
  public boolean acquireLease(String accountId, String runId, Instant now, Duration ttl) {
    Instant until = now.plus(ttl);
    Map<String, AttributeValue> item = new LinkedHashMap<>(key(accountId, LEASE));
    item.put(TYPE, s("lease"));
    item.put(RUN_ID, s(runId));
    item.put(HOLDER, s(leaseHolder));
    item.put(UNTIL, n(until.toEpochMilli()));
    item.put(TTL, n(until.plus(LEASE_CLEANUP).getEpochSecond()));
    try {
      call("take the run lease of account " + accountId, () -> client.putItem(r -> r
          .tableName(tableName)
          .item(item)
          .conditionExpression("(attribute_not_exists(#pk) OR #until < :now OR (#runId = :runId AND #holder = :holder))"
              + " AND (attribute_not_exists(#completed) OR #completed <> :runId)")
          .expressionAttributeNames(Map.of("#pk", PK, "#until", UNTIL, "#runId", RUN_ID, "#holder", HOLDER,
              "#completed", COMPLETED_RUN_ID))
          .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()), ":runId", s(runId), ":holder", s(leaseHolder)))));
      return true;
    } catch (ConditionalCheckFailedException heldByAnotherRun) {
      return false;
    }
  }

  @Override
  public void releaseLease(String accountId, String runId) {
    try {
      call("release the run lease of account " + accountId, () -> client.deleteItem(r -> r
          .tableName(tableName)
          .key(key(accountId, LEASE))
          .conditionExpression("#runId = :runId AND #holder = :holder")
          .expressionAttributeNames(Map.of("#runId", RUN_ID, "#holder", HOLDER))
          .expressionAttributeValues(Map.of(":runId", s(runId), ":holder", s(leaseHolder)))));
    } catch (ConditionalCheckFailedException notOurs) {
      // Another run (or another delivery of this one) took the lease after ours expired, or it is
      // already gone: nothing of ours to release.
    }
  }

  @Override
  public void completeLease(String accountId, String runId) {
    try {
      call("give back the run lease of account " + accountId, () -> client.updateItem(r -> r
          .tableName(tableName)
          .key(key(accountId, LEASE))
          .updateExpression("SET #completed = :runId, #until = :free")
          .conditionExpression("#runId = :runId AND #holder = :holder")
          .expressionAttributeNames(Map.of("#completed", COMPLETED_RUN_ID, "#until", UNTIL, "#runId", RUN_ID,
              "#holder", HOLDER))
          .expressionAttributeValues(Map.of(":runId", s(runId), ":holder", s(leaseHolder), ":free", n(0)))));
    } catch (ConditionalCheckFailedException notOurs) {
      // As in releaseLease: the lease is no longer ours to mark.
    }
  }

  @Override
  public boolean completed(String accountId, String runId) {
    Map<String, AttributeValue> lease = call("read the run lease of account " + accountId, () -> client.getItem(r -> r
        .tableName(tableName).key(key(accountId, LEASE)).consistentRead(true)).item());
    return lease != null && lease.containsKey(COMPLETED_RUN_ID) && runId.equals(lease.get(COMPLETED_RUN_ID).s());
  }

  // ---- findings

  @Override
  public void writeFindings(String accountId, List<StoredFinding> changed) {
    for (StoredFinding finding : changed) {
      if (!finding.accountId().equals(accountId)) {
        throw new IllegalArgumentException("finding " + finding.key() + " belongs to account " + finding.accountId()
            + ", not " + accountId);
      }
      Map<String, AttributeValue> item = FindingsTableItems.finding(finding, history);
      try {
        call("write finding " + finding.key() + " of account " + accountId, () -> client.putItem(r -> {
          r.tableName(tableName).item(item);
          if (finding.version() <= 1) {
            r.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK));
          } else {
            r.conditionExpression("#version = :previous")
                .expressionAttributeNames(Map.of("#version", VERSION))
                .expressionAttributeValues(Map.of(":previous", n(finding.version() - 1)));
          }
        }));
      } catch (ConditionalCheckFailedException raced) {
        if (holdsAlready(item, accountId)) {
          // The SDK retried a write whose answer was lost after DynamoDB applied it: the table already
          // holds exactly this version, so the write is done, not raced.
          continue;
        }
        throw new KeywardenException("another run changed finding " + finding.key() + " of account " + accountId
            + "; this run stops, the next one will reconcile", raced);
      }
    }
  }

  /** True when the table's item under this item's key is this very item, attribute for attribute. */
  private boolean holdsAlready(Map<String, AttributeValue> item, String accountId) {
    Map<String, AttributeValue> stored = call("read back finding " + item.get(FindingsTableItems.SK).s() + " of account "
        + accountId, () -> client.getItem(r -> r.tableName(tableName)
            .key(Map.of(FindingsTableItems.PK, item.get(FindingsTableItems.PK), FindingsTableItems.SK,
                item.get(FindingsTableItems.SK)))
            .consistentRead(true)).item());
    return item.equals(stored);
  }

  // ---- notices

  @Override
  public boolean claimNotice(String accountId, NoticeDraft draft) {
    if (draft.claims().size() > MAX_CLAIMS_PER_NOTICE) {
      throw new IllegalArgumentException("notice " + draft.id() + " claims " + draft.claims().size()
          + " keys; one notice can claim at most " + MAX_CLAIMS_PER_NOTICE + ": split it");
    }
    List<TransactWriteItem> writes = new ArrayList<>();
    new TreeMap<>(draft.claims()).forEach((keyId, claim) -> writes.add(TransactWriteItem.builder()
        .update(u -> u
            .tableName(tableName)
            .key(key(accountId, FindingsTableItems.noticeSk(keyId)))
            .updateExpression("ADD #stages :stages SET #type = :type, #resourceId = :resourceId, #lastRotated = :lastRotated")
            .conditionExpression("attribute_not_exists(#stages) OR NOT contains(#stages, :stage)")
            .expressionAttributeNames(Map.of(
                "#stages", STAGES, "#type", TYPE, "#resourceId", RESOURCE_ID, "#lastRotated", LAST_ROTATED))
            .expressionAttributeValues(Map.of(
                ":stages", AttributeValue.fromSs(List.of(claim.stage())),
                ":stage", s(claim.stage()),
                ":type", s("notice"),
                ":resourceId", s(claim.resourceId()),
                ":lastRotated", s(claim.lastRotated().toString()))))
        .build()));
    writes.add(TransactWriteItem.builder()
        .put(p -> p
            .tableName(tableName)
            .item(FindingsTableItems.outbox(accountId, draft))
            .conditionExpression("attribute_not_exists(#pk)")
            .expressionAttributeNames(Map.of("#pk", PK)))
        .build());
    try {
      call("claim notice " + draft.id() + " of account " + accountId,
          () -> client.transactWriteItems(r -> r.transactItems(writes)));
      return true;
    } catch (TransactionCanceledException cancelled) {
      if (cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
          .map(CancellationReason::code).anyMatch("ConditionalCheckFailed"::equals)) {
        return ownOutboxEntryExists(accountId, draft.id());
      }
      throw new KeywardenException("claiming notice " + draft.id() + " of account " + accountId
          + " was cancelled by DynamoDB (" + reasons(cancelled) + "); nothing was claimed, the next run retries", cancelled);
    }
  }

  /**
   * Whether this draft's own outbox entry is in the table. A transaction that DynamoDB applied but
   * whose answer was lost may be retried by the client and then fail its own conditions; the entry,
   * named by a draft id that holds the run id, shows the claim was this run's after all.
   */
  private boolean ownOutboxEntryExists(String accountId, String draftId) {
    Map<String, AttributeValue> item = call("read the outbox entry of notice " + draftId + " of account " + accountId,
        () -> client.getItem(r -> r.tableName(tableName).key(key(accountId, FindingsTableItems.outboxSk(draftId)))
            .consistentRead(true)).item());
    return item != null && !item.isEmpty();
  }

  private static String reasons(TransactionCanceledException cancelled) {
    return cancelled.hasCancellationReasons()
        ? cancelled.cancellationReasons().stream().map(CancellationReason::code).distinct().toList().toString()
        : "no reason given";
  }

  @Override
  public void completeNotice(String accountId, String draftId) {
    call("remove notice " + draftId + " of account " + accountId + " from the outbox",
        () -> client.deleteItem(r -> r.tableName(tableName).key(key(accountId, FindingsTableItems.outboxSk(draftId)))));
  }

  // ---- action log and summaries

  @Override
  public boolean appendAction(ActionLogEntry entry) {
    try {
      call("log action " + entry.actionId() + " of account " + entry.accountId(), () -> client.putItem(r -> r
          .tableName(tableName)
          .item(FindingsTableItems.action(entry))
          .conditionExpression("attribute_not_exists(#pk)")
          .expressionAttributeNames(Map.of("#pk", PK))));
      return true;
    } catch (ConditionalCheckFailedException alreadyLogged) {
      return false;
    }
  }

  @Override
  public Map<String, String> owners(String accountId) {
    var item = call("read the key owners of account " + accountId, () -> client.getItem(r -> r
        .tableName(tableName).key(key(accountId, FindingsTableItems.OWNERS)).consistentRead(true)).item());
    return item == null || item.isEmpty() ? Map.of() : FindingsTableItems.owners(item);
  }

  @Override
  public void putOwners(String accountId, Map<String, String> owners) {
    call("store the key owners of account " + accountId, () -> client.putItem(r -> r
        .tableName(tableName)
        .item(FindingsTableItems.owners(accountId, owners))));
  }

  @Override
  public void putSummary(RunSummary summary) {
    call("store the run summary of account " + summary.accountId(), () -> client.putItem(r -> r
        .tableName(tableName)
        .item(FindingsTableItems.summary(summary, history))));
  }

  // ---- runs

  @Override
  public void putRun(String runId, Instant startedAt, List<String> accountIds) {
    RunRecord run = new RunRecord(runId, startedAt, accountIds);
    call("store the record of run " + runId, () -> client.putItem(r -> r
        .tableName(tableName)
        .item(FindingsTableItems.run(run, history))));
  }

  /** The record the dispatcher wrote for a run, if any. */
  public Optional<RunRecord> run(String runId) {
    Map<String, AttributeValue> item = call("read the record of run " + runId, () -> client.getItem(r -> r
        .tableName(tableName)
        .key(FindingsTableItems.runKey(runId))
        .consistentRead(true)).item());
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(FindingsTableItems.run(item));
  }

  // ---- table

  /**
   * Creates the table with its index and TTL and waits until it is active; for {@code keywarden setup}
   * and tests (production tables come from {@code template.yaml}).
   *
   * @throws KeywardenException when the table already exists or cannot be created
   */
  public static void createTable(DynamoDbClient client, String tableName) {
    String region = region(client);
    try {
      client.createTable(r -> r
          .tableName(tableName)
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(
              attribute(PK), attribute(SK), attribute(GSI1_PK), attribute(GSI1_SK))
          .keySchema(keyElement(PK, KeyType.HASH), keyElement(SK, KeyType.RANGE))
          .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
              .indexName(GSI1)
              .keySchema(keyElement(GSI1_PK, KeyType.HASH), keyElement(GSI1_SK, KeyType.RANGE))
              .projection(p -> p.projectionType(ProjectionType.ALL))
              .build()));
      client.waiter().waitUntilTableExists(r -> r.tableName(tableName)).matched().exception().ifPresent(e -> {
        throw new KeywardenException("table " + tableName + " in " + region + " did not become active: " + e.getMessage(), e);
      });
      client.updateTimeToLive(r -> r
          .tableName(tableName)
          .timeToLiveSpecification(t -> t.attributeName(TTL).enabled(true)));
    } catch (ResourceInUseException exists) {
      throw new KeywardenException("table " + tableName + " already exists in " + region
          + ": use it as it is, or delete it first to create it again", exists);
    } catch (DynamoDbException e) {
      throw translate(e, "create table " + tableName, tableName, region);
    }
  }

  /** Whether the table exists (in any state) in the client's region. */
  public static boolean tableExists(DynamoDbClient client, String tableName) {
    try {
      client.describeTable(r -> r.tableName(tableName));
      return true;
    } catch (ResourceNotFoundException missing) {
      return false;
    } catch (DynamoDbException e) {
      throw translate(e, "describe table " + tableName, tableName, region(client));
    }
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement keyElement(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  // ---- errors

  /**
   * Runs one call, turning a missing table and denied access into messages that say what to do;
   * failed conditions pass through for the caller, which knows what they mean.
   */
  private <T> T call(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (ConditionalCheckFailedException | TransactionCanceledException expected) {
      throw expected;
    } catch (DynamoDbException e) {
      throw translate(e, what, tableName, region(client));
    }
  }

  static KeywardenException translate(DynamoDbException e, String what, String tableName, String region) {
    if (e instanceof ResourceNotFoundException) {
      return new KeywardenException("table " + tableName + " does not exist in " + region
          + ": create it with 'keywarden setup' or deploy template.yaml", e);
    }
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    if (e.statusCode() == 403 || "AccessDeniedException".equals(code)) {
      return new KeywardenException("access denied: could not " + what + " in table " + tableName + " in " + region
          + "; the caller's role needs dynamodb:Query, PutItem, UpdateItem, DeleteItem and TransactWriteItems on the"
          + " table and its indexes (" + e.getMessage() + ")", e);
    }
    return new KeywardenException("could not " + what + " in table " + tableName + " in " + region + ": " + e.getMessage(), e);
  }

  private static String region(DynamoDbClient client) {
    return client.serviceClientConfiguration().region() == null
        ? "the configured region"
        : client.serviceClientConfiguration().region().id();
  }
}
