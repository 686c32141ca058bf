package dev.keywarden.aws;

import static dev.keywarden.aws.FindingsTableItems.LAST_ROTATED;
import static dev.keywarden.aws.FindingsTableItems.PK;
import static dev.keywarden.aws.FindingsTableItems.RESOURCE_ID;
import static dev.keywarden.aws.FindingsTableItems.STAGES;
import static dev.keywarden.aws.FindingsTableItems.TYPE;
import static dev.keywarden.aws.FindingsTableItems.key;
import static dev.keywarden.aws.FindingsTableItems.s;

import dev.keywarden.KeywardenException;
import dev.keywarden.notify.NoticeDraft;
import dev.keywarden.notify.NoticeOutbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The {@code NOTICE#} items (stages claimed per key) and the {@code OUTBOX#} items (drafts not yet
 * published).
 */
final class DynamoNoticeOutbox implements NoticeOutbox {
  private final FindingsTable table;

  DynamoNoticeOutbox(FindingsTable table) {
    this.table = table;
  }

  @Override
  public boolean claimNotice(String accountId, NoticeDraft draft) {
    if (draft.claims().size() > DynamoAccountStateStore.MAX_CLAIMS_PER_NOTICE) {
      throw new IllegalArgumentException(
          "notice "
              + draft.id()
              + " claims "
              + draft.claims().size()
              + " keys; one notice can claim at most "
              + DynamoAccountStateStore.MAX_CLAIMS_PER_NOTICE
              + ": split it");
    }
    List<TransactWriteItem> writes = new ArrayList<>();
    new TreeMap<>(draft.claims())
        .forEach(
            (keyId, claim) ->
                writes.add(
                    TransactWriteItem.builder()
                        .update(
                            u ->
                                u.tableName(table.name)
                                    .key(key(accountId, FindingsTableItems.noticeSk(keyId)))
                                    .updateExpression(
                                        "ADD #stages :stages SET #type = :type, #resourceId = :resourceId, #lastRotated = :lastRotated")
                                    .conditionExpression(
                                        "attribute_not_exists(#stages) OR NOT contains(#stages, :stage)")
                                    .expressionAttributeNames(
                                        Map.of(
                                            "#stages",
                                            STAGES,
                                            "#type",
                                            TYPE,
                                            "#resourceId",
                                            RESOURCE_ID,
                                            "#lastRotated",
                                            LAST_ROTATED))
                                    .expressionAttributeValues(
                                        Map.of(
                                            ":stages",
                                                AttributeValue.fromSs(List.of(claim.stage())),
                                            ":stage", s(claim.stage()),
                                            ":type", s("notice"),
                                            ":resourceId", s(claim.resourceId()),
                                            ":lastRotated", s(claim.lastRotated().toString()))))
                        .build()));
    writes.add(
        TransactWriteItem.builder()
            .put(
                p ->
                    p.tableName(table.name)
                        .item(FindingsTableItems.outbox(accountId, draft))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", PK)))
            .build());
    try {
      table.call(
          "claim notice " + draft.id() + " of account " + accountId,
          () -> table.client.transactWriteItems(r -> r.transactItems(writes)));
      return true;
    } catch (TransactionCanceledException cancelled) {
      if (cancelled.hasCancellationReasons()
          && cancelled.cancellationReasons().stream()
              .map(CancellationReason::code)
              .anyMatch("ConditionalCheckFailed"::equals)) {
        return ownOutboxEntryExists(accountId, draft.id());
      }
      throw new KeywardenException(
          "claiming notice "
              + draft.id()
              + " of account "
              + accountId
              + " was cancelled by DynamoDB ("
              + reasons(cancelled)
              + "); nothing was claimed, the next run retries",
          cancelled);
    }
  }

  /**
   * Whether this draft's own outbox entry is in the table. A transaction that DynamoDB applied but
   * whose answer was lost may be retried by the client and then fail its own conditions; the entry,
   * named by a draft id that holds the run id, shows the claim was this run's after all.
   */
  private boolean ownOutboxEntryExists(String accountId, String draftId) {
    return !table
        .get(
            key(accountId, FindingsTableItems.outboxSk(draftId)),
            "read the outbox entry of notice " + draftId + " of account " + accountId)
        .isEmpty();
  }

  private static String reasons(TransactionCanceledException cancelled) {
    return cancelled.hasCancellationReasons()
        ? cancelled.cancellationReasons().stream()
            .map(CancellationReason::code)
            .distinct()
            .toList()
            .toString()
        : "no reason given";
  }

  @Override
  public void completeNotice(String accountId, String draftId) {
    table.call(
        "remove notice " + draftId + " of account " + accountId + " from the outbox",
        () ->
            table.client.deleteItem(
                r ->
                    r.tableName(table.name)
                        .key(key(accountId, FindingsTableItems.outboxSk(draftId)))));
  }
}
