package dev.keywarden.aws;

import static dev.keywarden.aws.FindingsTableItems.GSI1;
import static dev.keywarden.aws.FindingsTableItems.GSI1_PK;
import static dev.keywarden.aws.FindingsTableItems.GSI1_SK;
import static dev.keywarden.aws.FindingsTableItems.PK;
import static dev.keywarden.aws.FindingsTableItems.SK;
import static dev.keywarden.aws.FindingsTableItems.TTL;
import static dev.keywarden.aws.FindingsTableItems.TYPE;
import static dev.keywarden.aws.FindingsTableItems.key;
import static dev.keywarden.aws.FindingsTableItems.n;
import static dev.keywarden.aws.FindingsTableItems.pk;
import static dev.keywarden.aws.FindingsTableItems.s;

import dev.keywarden.KeywardenException;
import dev.keywarden.checks.ExemptionGrant;
import dev.keywarden.findings.ExemptionGrants;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Keeps the security team's exemption grants in the findings table: one item per user under the
 * account's partition ({@code sk = GRANT#<user>}), so an account's run reads them with one {@code
 * Query}; grants in force are also in the {@code gsi1} index under {@code gsi1pk = GRANTS}, so the
 * weekly report lists every account's with one more. A revoked grant keeps its item, with who
 * revoked it and when, until its {@code ttl}.
 */
public final class DynamoExemptionGrants implements ExemptionGrants {
  static final String GRANT = "GRANT#";
  static final String GRANTS_INDEX_KEY = "GRANTS";

  private final DynamoDbClient client;
  private final String tableName;
  private final Duration history;

  private DynamoExemptionGrants(DynamoDbClient client, String tableName, int historyDays) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.history = Duration.ofDays(historyDays);
  }

  public static DynamoExemptionGrants create(
      DynamoDbClient client, String tableName, int historyDays) {
    return new DynamoExemptionGrants(client, tableName, historyDays);
  }

  @Override
  public List<ExemptionGrant> forAccount(String accountId) {
    QueryRequest request =
        QueryRequest.builder()
            .tableName(tableName)
            .consistentRead(true)
            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
            .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
            .expressionAttributeValues(Map.of(":pk", s(pk(accountId)), ":prefix", s(GRANT)))
            .build();
    return grants(request, "read the exemption grants of account " + accountId);
  }

  @Override
  public List<ExemptionGrant> all() {
    QueryRequest request =
        QueryRequest.builder()
            .tableName(tableName)
            .indexName(GSI1)
            .keyConditionExpression("#gpk = :gpk")
            .expressionAttributeNames(Map.of("#gpk", GSI1_PK))
            .expressionAttributeValues(Map.of(":gpk", s(GRANTS_INDEX_KEY)))
            .build();
    return grants(request, "read every exemption grant");
  }

  private List<ExemptionGrant> grants(QueryRequest request, String what) {
    return call(
        what,
        () -> {
          List<ExemptionGrant> found = new ArrayList<>();
          client
              .queryPaginator(request)
              .items()
              .forEach(
                  item -> {
                    if (!item.containsKey("revokedAt")) {
                      found.add(grant(item));
                    }
                  });
          return found;
        });
  }

  @Override
  public void grant(ExemptionGrant grant) {
    Map<String, AttributeValue> item =
        new LinkedHashMap<>(key(grant.accountId(), GRANT + grant.userName()));
    item.put(TYPE, s("grant"));
    item.put("accountId", s(grant.accountId()));
    item.put("userName", s(grant.userName()));
    item.put("until", s(grant.until().toString()));
    item.put("reason", s(grant.reason()));
    if (!grant.checks().isEmpty()) {
      item.put("checks", AttributeValue.builder().ss(grant.checks()).build());
    }
    item.put("grantedBy", s(grant.grantedBy()));
    item.put("grantedAt", s(grant.grantedAt().toString()));
    item.put(GSI1_PK, s(GRANTS_INDEX_KEY));
    item.put(GSI1_SK, s(grant.accountId() + "#" + grant.userName()));
    call(
        "record the exemption grant of " + grant.userName() + " in account " + grant.accountId(),
        () -> client.putItem(r -> r.tableName(tableName).item(item)));
  }

  @Override
  public Optional<ExemptionGrant> revoke(
      String accountId, String userName, String revokedBy, Instant at) {
    Map<String, AttributeValue> old =
        call(
            "revoke the exemption grant of " + userName + " in account " + accountId,
            () -> {
              try {
                return client
                    .updateItem(
                        r ->
                            r.tableName(tableName)
                                .key(key(accountId, GRANT + userName))
                                .conditionExpression(
                                    "attribute_exists(#pk) AND attribute_not_exists(revokedAt)")
                                .updateExpression(
                                    "SET revokedBy = :by, revokedAt = :at, #ttl = :ttl REMOVE #gpk, #gsk")
                                .expressionAttributeNames(
                                    Map.of(
                                        "#pk", PK, "#ttl", TTL, "#gpk", GSI1_PK, "#gsk", GSI1_SK))
                                .expressionAttributeValues(
                                    Map.of(
                                        ":by",
                                        s(revokedBy),
                                        ":at",
                                        s(at.toString()),
                                        ":ttl",
                                        n(at.plus(history).getEpochSecond())))
                                .returnValues(ReturnValue.ALL_OLD))
                    .attributes();
              } catch (
                  software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException
                      none) {
                return Map.<String, AttributeValue>of();
              }
            });
    return old.isEmpty() ? Optional.empty() : Optional.of(grant(old));
  }

  static ExemptionGrant grant(Map<String, AttributeValue> item) {
    AttributeValue checks = item.get("checks");
    return new ExemptionGrant(
        item.get("accountId").s(),
        item.get("userName").s(),
        LocalDate.parse(item.get("until").s()),
        item.get("reason").s(),
        checks == null ? Set.of() : Set.copyOf(checks.ss()),
        item.get("grantedBy").s(),
        Instant.parse(item.get("grantedAt").s()));
  }

  private <T> T call(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (DynamoDbException e) {
      throw FindingsTable.translate(
          e,
          what,
          tableName,
          client.serviceClientConfiguration().region() == null
              ? "its region"
              : client.serviceClientConfiguration().region().id());
    } catch (RuntimeException e) {
      if (e instanceof KeywardenException) {
        throw e;
      }
      throw new KeywardenException("cannot " + what + ": " + e.getMessage(), e);
    }
  }
}
