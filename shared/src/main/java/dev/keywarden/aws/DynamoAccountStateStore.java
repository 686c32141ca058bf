package dev.keywarden.aws;

import static dev.keywarden.aws.FindingsTableItems.FINDING;
import static dev.keywarden.aws.FindingsTableItems.GSI1;
import static dev.keywarden.aws.FindingsTableItems.GSI1_PK;
import static dev.keywarden.aws.FindingsTableItems.GSI1_SK;
import static dev.keywarden.aws.FindingsTableItems.NOTICE;
import static dev.keywarden.aws.FindingsTableItems.OUTBOX;
import static dev.keywarden.aws.FindingsTableItems.PK;
import static dev.keywarden.aws.FindingsTableItems.SK;
import static dev.keywarden.aws.FindingsTableItems.TTL;

import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import dev.keywarden.audit.AccountState;
import dev.keywarden.audit.AccountStateStore;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.RunRecord;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.notify.KeyNoticeState;
import dev.keywarden.notify.NoticeDraft;
import dev.keywarden.remediate.ActionLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Keeps each account's findings, notice stages, notice outbox, action log, run summaries and run
 * lease in one DynamoDB table, so that a run reads its account with four queries and, in steady
 * state, writes little more than its summary.
 *
 * <h2>Table</h2>
 *
 * Partition key {@code pk} (S), sort key {@code sk} (S), on-demand billing, TTL attribute {@code
 * ttl} (epoch seconds), and one global secondary index {@code gsi1} ({@code gsi1pk} S, {@code
 * gsi1sk} S, all attributes projected) that only summaries populate.
 *
 * <h2>Items ({@code pk = ACCOUNT#<account id>} for all of them)</h2>
 *
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
 *
 * One more item per run, outside any account: {@code pk = RUN#<runId>}, {@code sk = RUN}, with
 * {@code runId}, {@code startedAt}, {@code accountIds} (list of strings), {@code accounts} (N) and
 * {@code ttl} = startedAt + history.
 *
 * <p>Every item also carries {@code type} ({@code finding}, {@code notice}, ...) for people
 * browsing the table.
 *
 * <p>Findings are written one conditional {@code PutItem} each (a batch cannot carry conditions);
 * notice claims and their outbox entry in one transaction. Nothing is logged here: errors name the
 * account, the table and item keys only.
 *
 * <p>Each kind of item has its own class ({@link DynamoLeases}, {@link DynamoFindings}, {@link
 * DynamoNoticeOutbox}, {@link DynamoActionLog}, {@link DynamoOwners}, {@link DynamoRunRecords}),
 * each implementing one port; this class reads an account whole and hands every other call to them.
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

  private final FindingsTable table;
  private final String tableName;
  private final DynamoLeases leases;
  private final DynamoFindings findings;
  private final DynamoNoticeOutbox notices;
  private final DynamoActionLog actions;
  private final DynamoOwners owners;
  private final DynamoRunRecords runs;

  private DynamoAccountStateStore(Builder builder) {
    FindingsTable table =
        new FindingsTable(
            Objects.requireNonNull(builder.client, "client"),
            builder.tableName,
            Duration.ofDays(builder.historyDays));
    this.tableName = builder.tableName;
    this.leases = new DynamoLeases(table);
    this.findings = new DynamoFindings(table);
    this.notices = new DynamoNoticeOutbox(table);
    this.actions = new DynamoActionLog(table);
    this.owners = new DynamoOwners(table);
    this.runs = new DynamoRunRecords(table);
    this.table = table;
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

    /**
     * The table's name; DynamoDB allows 3 to 255 letters, digits, {@code _}, {@code -} and {@code
     * .}.
     */
    public Builder tableName(String tableName) {
      if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
        throw new InvalidInputException(
            "findings table name: '"
                + tableName
                + "' is not a DynamoDB table name;"
                + " use 3 to 255 letters, digits, '_', '-' or '.', such as "
                + DEFAULT_TABLE_NAME);
      }
      this.tableName = tableName;
      return this;
    }

    /** How many days resolved findings and run summaries are kept before DynamoDB expires them. */
    public Builder historyDays(int historyDays) {
      if (historyDays < 1) {
        throw new InvalidInputException(
            "findings history: "
                + historyDays
                + " days is too short;"
                + " keep at least 1 day (the default is "
                + DEFAULT_HISTORY_DAYS
                + ")");
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
    Map<String, StoredFinding> stored = new LinkedHashMap<>();
    table
        .query(accountId, FINDING, Optional.empty(), "load findings")
        .forEach(
            item -> {
              StoredFinding finding = FindingsTableItems.finding(item);
              stored.put(finding.key(), finding);
            });
    Map<String, KeyNoticeState> stages = new LinkedHashMap<>();
    table
        .query(accountId, NOTICE, Optional.empty(), "load notice stages")
        .forEach(
            item -> {
              KeyNoticeState state = FindingsTableItems.noticeState(item);
              stages.put(state.keyId(), state);
            });
    List<NoticeDraft> outbox =
        table.query(accountId, OUTBOX, Optional.empty(), "load the notice outbox").stream()
            .map(FindingsTableItems::draft)
            .toList();
    return new AccountState(stored, stages, outbox, actions.actions(accountId));
  }

  /**
   * The account's findings, all of them or those with one status, ordered by check id then resource
   * id.
   */
  public List<StoredFinding> findings(String accountId, Optional<FindingStatus> status) {
    return findings.findings(accountId, status);
  }

  /**
   * Each account's latest run summary in an ISO week, ordered by account id.
   *
   * @param isoWeek such as {@code 2026-W48} (see {@link dev.keywarden.findings.IsoWeek})
   */
  public List<RunSummary> summariesForWeek(String isoWeek) {
    return runs.summariesForWeek(isoWeek);
  }

  /**
   * Every run summary of the ISO week, all accounts, through the week index: what the weekly report
   * reads.
   */
  public List<RunSummary> runSummariesForWeek(String isoWeek) {
    return runs.runSummariesForWeek(isoWeek);
  }

  /** The record the dispatcher wrote for a run, if any. */
  public Optional<RunRecord> run(String runId) {
    return runs.run(runId);
  }

  // ---- the ports, each handed to its item kind's class

  @Override
  public boolean acquireLease(String accountId, String runId, Instant now, Duration ttl) {
    return leases.acquireLease(accountId, runId, now, ttl);
  }

  @Override
  public void releaseLease(String accountId, String runId) {
    leases.releaseLease(accountId, runId);
  }

  @Override
  public void completeLease(String accountId, String runId) {
    leases.completeLease(accountId, runId);
  }

  @Override
  public boolean completed(String accountId, String runId) {
    return leases.completed(accountId, runId);
  }

  @Override
  public void writeFindings(String accountId, List<StoredFinding> changed) {
    findings.writeFindings(accountId, changed);
  }

  @Override
  public boolean claimNotice(String accountId, NoticeDraft draft) {
    return notices.claimNotice(accountId, draft);
  }

  @Override
  public void completeNotice(String accountId, String draftId) {
    notices.completeNotice(accountId, draftId);
  }

  @Override
  public List<ActionLogEntry> actions(String accountId) {
    return actions.actions(accountId);
  }

  @Override
  public boolean appendAction(ActionLogEntry entry) {
    return actions.appendAction(entry);
  }

  @Override
  public Map<String, String> owners(String accountId) {
    return owners.owners(accountId);
  }

  @Override
  public void putOwners(String accountId, Map<String, String> accountOwners) {
    owners.putOwners(accountId, accountOwners);
  }

  @Override
  public void putSummary(RunSummary summary) {
    runs.putSummary(summary);
  }

  @Override
  public void putRun(String runId, Instant startedAt, List<String> accountIds) {
    runs.putRun(runId, startedAt, accountIds);
  }

  // ---- table

  /**
   * Creates the table with its index and TTL and waits until it is active; for {@code keywarden
   * setup} and tests (production tables come from {@code template.yaml}).
   *
   * @throws KeywardenException when the table already exists or cannot be created
   */
  public static void createTable(DynamoDbClient client, String tableName) {
    String region = FindingsTable.region(client);
    try {
      client.createTable(
          r ->
              r.tableName(tableName)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      attribute(PK), attribute(SK), attribute(GSI1_PK), attribute(GSI1_SK))
                  .keySchema(keyElement(PK, KeyType.HASH), keyElement(SK, KeyType.RANGE))
                  .globalSecondaryIndexes(
                      GlobalSecondaryIndex.builder()
                          .indexName(GSI1)
                          .keySchema(
                              keyElement(GSI1_PK, KeyType.HASH), keyElement(GSI1_SK, KeyType.RANGE))
                          .projection(p -> p.projectionType(ProjectionType.ALL))
                          .build()));
      client
          .waiter()
          .waitUntilTableExists(r -> r.tableName(tableName))
          .matched()
          .exception()
          .ifPresent(
              e -> {
                throw new KeywardenException(
                    "table "
                        + tableName
                        + " in "
                        + region
                        + " did not become active: "
                        + e.getMessage(),
                    e);
              });
      client.updateTimeToLive(
          r ->
              r.tableName(tableName)
                  .timeToLiveSpecification(t -> t.attributeName(TTL).enabled(true)));
    } catch (ResourceInUseException exists) {
      throw new KeywardenException(
          "table "
              + tableName
              + " already exists in "
              + region
              + ": use it as it is, or delete it first to create it again",
          exists);
    } catch (DynamoDbException e) {
      throw FindingsTable.translate(e, "create table " + tableName, tableName, region);
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
      throw FindingsTable.translate(
          e, "describe table " + tableName, tableName, FindingsTable.region(client));
    }
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement keyElement(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
