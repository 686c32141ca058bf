package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.securityhub.ImportedFindings;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * What Security Hub last accepted for each finding, kept in the findings table beside the account's
 * other items: one item per finding, {@code pk = ACCOUNT#<id>}, {@code sk = HUB#<check id>#<resource id>},
 * with the accepted version's {@code fingerprint}. Read with one query per run, written only for
 * findings just accepted, so a run in which nothing changed writes nothing here.
 */
public final class DynamoImportedFindings implements ImportedFindings {
  static final String HUB = "HUB#";
  static final String FINGERPRINT = "fingerprint";

  private final DynamoDbClient client;
  private final String tableName;

  private DynamoImportedFindings(DynamoDbClient client, String tableName) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
  }

  public static DynamoImportedFindings create(DynamoDbClient client, String tableName) {
    return new DynamoImportedFindings(client, tableName);
  }

  @Override
  public Map<String, String> load(String accountId) {
    QueryRequest request = QueryRequest.builder()
        .tableName(tableName)
        .consistentRead(true)
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
        .expressionAttributeNames(Map.of("#pk", FindingsTableItems.PK, "#sk", FindingsTableItems.SK))
        .expressionAttributeValues(Map.of(":pk", s(FindingsTableItems.pk(accountId)), ":prefix", s(HUB)))
        .build();
    Map<String, String> fingerprints = new TreeMap<>();
    try {
      client.queryPaginator(request).items().forEach(item -> fingerprints.put(
          item.get(FindingsTableItems.SK).s().substring(HUB.length()), item.get(FINGERPRINT).s()));
    } catch (SdkException e) {
      throw new KeywardenException("dynamodb:Query of the Security Hub imports of account " + accountId + " in "
          + tableName + " failed: " + e.getMessage(), e);
    }
    return fingerprints;
  }

  @Override
  public void record(String accountId, Map<String, String> fingerprints) {
    for (Map.Entry<String, String> entry : fingerprints.entrySet()) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(FindingsTableItems.PK, s(FindingsTableItems.pk(accountId)));
      item.put(FindingsTableItems.SK, s(HUB + entry.getKey()));
      item.put(FindingsTableItems.TYPE, s("hub-import"));
      item.put(FINGERPRINT, s(entry.getValue()));
      try {
        client.putItem(r -> r.tableName(tableName).item(item));
      } catch (SdkException e) {
        throw new KeywardenException("dynamodb:PutItem of the Security Hub import of " + entry.getKey() + " (account "
            + accountId + ") failed: " + e.getMessage(), e);
      }
    }
  }

  private static AttributeValue s(String value) {
    return AttributeValue.builder().s(value).build();
  }
}
