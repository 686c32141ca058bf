package dev.keywarden.aws;

import static dev.keywarden.aws.FindingsTableItems.PK;
import static dev.keywarden.aws.FindingsTableItems.SK;
import static dev.keywarden.aws.FindingsTableItems.STATUS;
import static dev.keywarden.aws.FindingsTableItems.pk;
import static dev.keywarden.aws.FindingsTableItems.s;

import dev.keywarden.KeywardenException;
import dev.keywarden.findings.FindingStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The findings table as each kind of item's class uses it: its client, name and history, one query
 * of an account's items by kind, and calls whose failures name the table and say what to do.
 */
final class FindingsTable {
  final DynamoDbClient client;
  final String name;
  final Duration history;

  FindingsTable(DynamoDbClient client, String name, Duration history) {
    this.client = Objects.requireNonNull(client, "client");
    this.name = Objects.requireNonNull(name, "name");
    this.history = Objects.requireNonNull(history, "history");
  }

  /**
   * The account's items whose sort key starts with {@code prefix}, read consistently, all pages.
   */
  List<Map<String, AttributeValue>> query(
      String accountId, String prefix, Optional<FindingStatus> status, String what) {
    Map<String, String> names = new HashMap<>(Map.of("#pk", PK, "#sk", SK));
    Map<String, AttributeValue> values =
        new HashMap<>(Map.of(":pk", s(pk(accountId)), ":prefix", s(prefix)));
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(name)
            .consistentRead(true)
            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)");
    status.ifPresent(
        wanted -> {
          names.put("#status", STATUS);
          values.put(":status", s(wanted.name()));
          request.filterExpression("#status = :status");
        });
    QueryRequest built =
        request.expressionAttributeNames(names).expressionAttributeValues(values).build();
    return call(
        what + " of account " + accountId,
        () -> {
          List<Map<String, AttributeValue>> items = new ArrayList<>();
          client.queryPaginator(built).items().forEach(items::add);
          return items;
        });
  }

  /** The item under the key, read consistently; empty when there is none. */
  Map<String, AttributeValue> get(Map<String, AttributeValue> key, String what) {
    Map<String, AttributeValue> item =
        call(
            what,
            () -> client.getItem(r -> r.tableName(name).key(key).consistentRead(true)).item());
    return item == null ? Map.of() : item;
  }

  /**
   * Runs one call, turning a missing table and denied access into messages that say what to do;
   * failed conditions pass through for the caller, which knows what they mean.
   */
  <T> T call(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (ConditionalCheckFailedException | TransactionCanceledException expected) {
      throw expected;
    } catch (DynamoDbException e) {
      throw translate(e, what, name, region(client));
    }
  }

  static KeywardenException translate(
      DynamoDbException e, String what, String tableName, String region) {
    if (e instanceof ResourceNotFoundException) {
      return new KeywardenException(
          "table "
              + tableName
              + " does not exist in "
              + region
              + ": create it with 'keywarden setup' or deploy template.yaml",
          e);
    }
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    if (e.statusCode() == 403 || "AccessDeniedException".equals(code)) {
      return new KeywardenException(
          "access denied: could not "
              + what
              + " in table "
              + tableName
              + " in "
              + region
              + "; the caller's role needs dynamodb:Query, PutItem, UpdateItem, DeleteItem and TransactWriteItems on the"
              + " table and its indexes ("
              + e.getMessage()
              + ")",
          e);
    }
    return new KeywardenException(
        "could not " + what + " in table " + tableName + " in " + region + ": " + e.getMessage(),
        e);
  }

  static String region(DynamoDbClient client) {
    return client.serviceClientConfiguration().region() == null
        ? "the configured region"
        : client.serviceClientConfiguration().region().id();
  }
}
