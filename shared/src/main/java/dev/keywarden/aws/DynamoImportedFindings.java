package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.securityhub.ImportedFindings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What Security Hub last accepted for each finding, kept in the findings table beside the account's
 * other items: one item per finding, {@code pk = ACCOUNT#<id>}, {@code sk = HUB#<check
 * id>#<resource id>}, with the accepted version's {@code fingerprint}. Read with one query per run,
 * written only for findings just accepted ({@code BatchWriteItem}, 25 a call), so a run in which
 * nothing changed writes nothing here.
 */
public final class DynamoImportedFindings implements ImportedFindings {
  static final String HUB = "HUB#";
  static final String FINGERPRINT = "fingerprint";

  /** Items DynamoDB takes in one BatchWriteItem. */
  static final int MAX_BATCH_WRITE = 25;

  static final int UNPROCESSED_ATTEMPTS = 5;

  private final DynamoDbClient client;
  private final String tableName;
  private final Sleeper sleeper;

  private DynamoImportedFindings(DynamoDbClient client, String tableName, Sleeper sleeper) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  public static DynamoImportedFindings create(DynamoDbClient client, String tableName) {
    return new DynamoImportedFindings(client, tableName, Sleeper.system());
  }

  @Override
  public Map<String, String> load(String accountId) {
    QueryRequest request =
        QueryRequest.builder()
            .tableName(tableName)
            .consistentRead(true)
            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
            .expressionAttributeNames(
                Map.of("#pk", FindingsTableItems.PK, "#sk", FindingsTableItems.SK))
            .expressionAttributeValues(
                Map.of(":pk", s(FindingsTableItems.pk(accountId)), ":prefix", s(HUB)))
            .build();
    Map<String, String> fingerprints = new TreeMap<>();
    try {
      client
          .queryPaginator(request)
          .items()
          .forEach(
              item ->
                  fingerprints.put(
                      item.get(FindingsTableItems.SK).s().substring(HUB.length()),
                      item.get(FINGERPRINT).s()));
    } catch (SdkException e) {
      throw new KeywardenException(
          "dynamodb:Query of the Security Hub imports of account "
              + accountId
              + " in "
              + tableName
              + " failed: "
              + e.getMessage(),
          e);
    }
    return fingerprints;
  }

  @Override
  public void record(String accountId, Map<String, String> fingerprints) {
    List<WriteRequest> writes = new ArrayList<>();
    for (Map.Entry<String, String> entry : fingerprints.entrySet()) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(FindingsTableItems.PK, s(FindingsTableItems.pk(accountId)));
      item.put(FindingsTableItems.SK, s(HUB + entry.getKey()));
      item.put(FindingsTableItems.TYPE, s("hub-import"));
      item.put(FINGERPRINT, s(entry.getValue()));
      writes.add(WriteRequest.builder().putRequest(r -> r.item(item)).build());
    }
    for (int from = 0; from < writes.size(); from += MAX_BATCH_WRITE) {
      List<WriteRequest> batch =
          writes.subList(from, Math.min(writes.size(), from + MAX_BATCH_WRITE));
      write(accountId, batch);
    }
  }

  /**
   * One BatchWriteItem, and again for what DynamoDB left unprocessed, a bounded number of times.
   */
  private void write(String accountId, List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
    for (int attempt = 1; attempt <= UNPROCESSED_ATTEMPTS; attempt++) {
      Map<String, List<WriteRequest>> request = pending;
      try {
        pending = client.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
      } catch (SdkException e) {
        throw new KeywardenException(
            "dynamodb:BatchWriteItem of "
                + batch.size()
                + " Security Hub import(s) of account "
                + accountId
                + " failed: "
                + e.getMessage(),
            e);
      }
      if (pending.isEmpty() || pending.values().stream().allMatch(List::isEmpty)) {
        return;
      }
      sleeper.sleep(Duration.ofMillis(50L << attempt));
    }
    throw new KeywardenException(
        "dynamodb:BatchWriteItem left "
            + pending.values().stream().mapToInt(List::size).sum()
            + " Security Hub import(s) of account "
            + accountId
            + " unprocessed "
            + UNPROCESSED_ATTEMPTS
            + " times");
  }

  private static AttributeValue s(String value) {
    return AttributeValue.builder().s(value).build();
  }
}
