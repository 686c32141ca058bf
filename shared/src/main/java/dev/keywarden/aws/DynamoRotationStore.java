package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.rotate.RotationRecord;
import dev.keywarden.rotate.RotationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Assisted rotations in the findings table, apart from the account's other items: one item per
 * user, {@code pk = ROTATION#<account id>}, {@code sk = USER#<user name>}, with every {@link
 * RotationRecord} field (instants ISO-8601, {@code version} N, {@code finished} BOOL), and {@code
 * gsi1pk = ROTATIONS}, {@code gsi1sk = <account id>#<user name>} so that the weekly report reads
 * every account's rotations with one query of the index. A run reads its account's rotations with
 * one query, and only in accounts that allow assisted rotation. Never holds a secret.
 */
public final class DynamoRotationStore implements RotationStore {
  static final String PK_PREFIX = "ROTATION#";
  static final String SK_PREFIX = "USER#";
  static final String INDEX_PK = "ROTATIONS";

  private final DynamoDbClient client;
  private final String tableName;

  private DynamoRotationStore(DynamoDbClient client, String tableName) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
  }

  public static DynamoRotationStore create(DynamoDbClient client, String tableName) {
    return new DynamoRotationStore(client, tableName);
  }

  @Override
  public Map<String, RotationRecord> rotations(String accountId) {
    Map<String, RotationRecord> found = new LinkedHashMap<>();
    call(
        "read the rotations of account " + accountId,
        () -> {
          client
              .queryPaginator(
                  r ->
                      r.tableName(tableName)
                          .consistentRead(true)
                          .keyConditionExpression("#pk = :pk")
                          .expressionAttributeNames(Map.of("#pk", FindingsTableItems.PK))
                          .expressionAttributeValues(
                              Map.of(":pk", AttributeValue.fromS(PK_PREFIX + accountId))))
              .items()
              .forEach(
                  item -> {
                    RotationRecord record = record(item);
                    found.put(record.userName(), record);
                  });
          return null;
        });
    return found;
  }

  @Override
  public List<RotationRecord> all() {
    List<RotationRecord> found = new ArrayList<>();
    call(
        "read every account's rotations",
        () -> {
          client
              .queryPaginator(
                  r ->
                      r.tableName(tableName)
                          .indexName(FindingsTableItems.GSI1)
                          .keyConditionExpression("#pk = :pk")
                          .expressionAttributeNames(Map.of("#pk", FindingsTableItems.GSI1_PK))
                          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(INDEX_PK))))
              .items()
              .forEach(item -> found.add(record(item)));
          return null;
        });
    return found;
  }

  @Override
  public boolean put(RotationRecord record) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    String condition;
    if (record.version() == 1) {
      condition = "attribute_not_exists(#pk) OR #finished = :true";
      names.put("#pk", FindingsTableItems.PK);
      names.put("#finished", "finished");
      values.put(":true", AttributeValue.fromBool(true));
    } else {
      condition = "#version = :previous";
      names.put("#version", FindingsTableItems.VERSION);
      values.put(":previous", AttributeValue.fromN(Long.toString(record.version() - 1)));
    }
    try {
      call(
          "write the rotation of " + record.userName() + " in account " + record.accountId(),
          () ->
              client.putItem(
                  r ->
                      r.tableName(tableName)
                          .item(item(record))
                          .conditionExpression(condition)
                          .expressionAttributeNames(names)
                          .expressionAttributeValues(values)));
      return true;
    } catch (ConditionalCheckFailedException lostOrRaced) {
      // A retry of a write DynamoDB applied but whose answer was lost fails its own condition: read
      // it back.
      Map<String, AttributeValue> stored =
          call(
              "read back the rotation of " + record.userName(),
              () ->
                  client
                      .getItem(
                          r ->
                              r.tableName(tableName)
                                  .key(key(record.accountId(), record.userName()))
                                  .consistentRead(true))
                      .item());
      return stored != null && !stored.isEmpty() && record(stored).equals(record);
    }
  }

  static Map<String, AttributeValue> key(String accountId, String userName) {
    return Map.of(
        FindingsTableItems.PK,
        AttributeValue.fromS(PK_PREFIX + accountId),
        FindingsTableItems.SK,
        AttributeValue.fromS(SK_PREFIX + userName));
  }

  static Map<String, AttributeValue> item(RotationRecord r) {
    Map<String, AttributeValue> item = new HashMap<>(key(r.accountId(), r.userName()));
    item.put(FindingsTableItems.GSI1_PK, AttributeValue.fromS(INDEX_PK));
    item.put(FindingsTableItems.GSI1_SK, AttributeValue.fromS(r.accountId() + "#" + r.userName()));
    item.put(FindingsTableItems.TYPE, AttributeValue.fromS("rotation"));
    item.put("accountId", AttributeValue.fromS(r.accountId()));
    item.put("userName", AttributeValue.fromS(r.userName()));
    item.put("attemptId", AttributeValue.fromS(r.attemptId()));
    item.put("oldKeyId", AttributeValue.fromS(r.oldKeyId()));
    item.put("oldKeyCreated", AttributeValue.fromS(r.oldKeyCreated().toString()));
    item.put("oldDeadline", AttributeValue.fromS(r.oldDeadline().toString()));
    item.put("secretName", AttributeValue.fromS(r.secretName()));
    item.put("phase", AttributeValue.fromS(r.phase().name()));
    item.put("finished", AttributeValue.fromBool(r.phase().finished()));
    r.newKeyId().ifPresent(id -> item.put("newKeyId", AttributeValue.fromS(id)));
    r.newKeyCreated()
        .ifPresent(at -> item.put("newKeyCreated", AttributeValue.fromS(at.toString())));
    item.put("startedAt", AttributeValue.fromS(r.startedAt().toString()));
    item.put("updatedAt", AttributeValue.fromS(r.updatedAt().toString()));
    item.put(FindingsTableItems.RUN_ID, AttributeValue.fromS(r.runId()));
    item.put("note", AttributeValue.fromS(r.note()));
    item.put(FindingsTableItems.VERSION, AttributeValue.fromN(Long.toString(r.version())));
    return item;
  }

  static RotationRecord record(Map<String, AttributeValue> item) {
    return new RotationRecord(
        str(item, "accountId"),
        str(item, "userName"),
        str(item, "attemptId"),
        str(item, "oldKeyId"),
        Instant.parse(str(item, "oldKeyCreated")),
        Instant.parse(str(item, "oldDeadline")),
        str(item, "secretName"),
        RotationRecord.Phase.valueOf(str(item, "phase")),
        Optional.ofNullable(item.get("newKeyId")).map(AttributeValue::s),
        Optional.ofNullable(item.get("newKeyCreated")).map(AttributeValue::s).map(Instant::parse),
        Instant.parse(str(item, "startedAt")),
        Instant.parse(str(item, "updatedAt")),
        str(item, FindingsTableItems.RUN_ID),
        str(item, "note"),
        Long.parseLong(item.get(FindingsTableItems.VERSION).n()));
  }

  private static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null || value.s() == null) {
      throw new KeywardenException(
          "rotation item "
              + item.get(FindingsTableItems.PK)
              + " "
              + item.get(FindingsTableItems.SK)
              + " has no "
              + name);
    }
    return value.s();
  }

  private <T> T call(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (ConditionalCheckFailedException expected) {
      throw expected;
    } catch (DynamoDbException e) {
      String region =
          client.serviceClientConfiguration().region() == null
              ? "the configured region"
              : client.serviceClientConfiguration().region().id();
      throw FindingsTable.translate(e, what, tableName, region);
    }
  }
}
