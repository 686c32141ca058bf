package dev.keywarden.aws;

import static dev.keywarden.aws.FindingsTableItems.COMPLETED_RUN_ID;
import static dev.keywarden.aws.FindingsTableItems.HOLDER;
import static dev.keywarden.aws.FindingsTableItems.LEASE;
import static dev.keywarden.aws.FindingsTableItems.PK;
import static dev.keywarden.aws.FindingsTableItems.RUN_ID;
import static dev.keywarden.aws.FindingsTableItems.TTL;
import static dev.keywarden.aws.FindingsTableItems.TYPE;
import static dev.keywarden.aws.FindingsTableItems.UNTIL;
import static dev.keywarden.aws.FindingsTableItems.key;
import static dev.keywarden.aws.FindingsTableItems.n;
import static dev.keywarden.aws.FindingsTableItems.s;

import dev.keywarden.audit.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code LEASE} item of each account: which run may act on it now, and which run last completed
 * it.
 */
final class DynamoLeases implements LeaseStore {
  private static final Duration LEASE_CLEANUP = Duration.ofDays(1);

  private final FindingsTable table;

  /**
   * Names this store's leases beside the run id: one audit request delivered twice at once (SQS
   * standard queues may) starts two runs with the same id, and only one of them may hold the
   * account; the SDK retrying this store's own lease write still finds the lease its own.
   */
  private final String leaseHolder = UUID.randomUUID().toString();

  DynamoLeases(FindingsTable table) {
    this.table = table;
  }

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
      table.call(
          "take the run lease of account " + accountId,
          () ->
              table.client.putItem(
                  r ->
                      r.tableName(table.name)
                          .item(item)
                          .conditionExpression(
                              "(attribute_not_exists(#pk) OR #until < :now OR (#runId = :runId AND #holder = :holder))"
                                  + " AND (attribute_not_exists(#completed) OR #completed <> :runId)")
                          .expressionAttributeNames(
                              Map.of(
                                  "#pk",
                                  PK,
                                  "#until",
                                  UNTIL,
                                  "#runId",
                                  RUN_ID,
                                  "#holder",
                                  HOLDER,
                                  "#completed",
                                  COMPLETED_RUN_ID))
                          .expressionAttributeValues(
                              Map.of(
                                  ":now",
                                  n(now.toEpochMilli()),
                                  ":runId",
                                  s(runId),
                                  ":holder",
                                  s(leaseHolder)))));
      return true;
    } catch (ConditionalCheckFailedException heldByAnotherRun) {
      return false;
    }
  }

  @Override
  public void releaseLease(String accountId, String runId) {
    try {
      table.call(
          "release the run lease of account " + accountId,
          () ->
              table.client.deleteItem(
                  r ->
                      r.tableName(table.name)
                          .key(key(accountId, LEASE))
                          .conditionExpression("#runId = :runId AND #holder = :holder")
                          .expressionAttributeNames(Map.of("#runId", RUN_ID, "#holder", HOLDER))
                          .expressionAttributeValues(
                              Map.of(":runId", s(runId), ":holder", s(leaseHolder)))));
    } catch (ConditionalCheckFailedException notOurs) {
      // Another run (or another delivery of this one) took the lease after ours expired, or it is
      // already gone: nothing of ours to release.
    }
  }

  @Override
  public void completeLease(String accountId, String runId) {
    try {
      table.call(
          "give back the run lease of account " + accountId,
          () ->
              table.client.updateItem(
                  r ->
                      r.tableName(table.name)
                          .key(key(accountId, LEASE))
                          .updateExpression("SET #completed = :runId, #until = :free")
                          .conditionExpression("#runId = :runId AND #holder = :holder")
                          .expressionAttributeNames(
                              Map.of(
                                  "#completed",
                                  COMPLETED_RUN_ID,
                                  "#until",
                                  UNTIL,
                                  "#runId",
                                  RUN_ID,
                                  "#holder",
                                  HOLDER))
                          .expressionAttributeValues(
                              Map.of(
                                  ":runId", s(runId), ":holder", s(leaseHolder), ":free", n(0)))));
    } catch (ConditionalCheckFailedException notOurs) {
      // As in releaseLease: the lease is no longer ours to mark.
    }
  }

  @Override
  public boolean completed(String accountId, String runId) {
    Map<String, AttributeValue> lease =
        table.get(key(accountId, LEASE), "read the run lease of account " + accountId);
    return lease.containsKey(COMPLETED_RUN_ID) && runId.equals(lease.get(COMPLETED_RUN_ID).s());
  }
}
