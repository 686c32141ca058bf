package dev.keywarden.aws;

import static dev.keywarden.aws.FindingsTableItems.FINDING;
import static dev.keywarden.aws.FindingsTableItems.PK;
import static dev.keywarden.aws.FindingsTableItems.SK;
import static dev.keywarden.aws.FindingsTableItems.VERSION;
import static dev.keywarden.aws.FindingsTableItems.n;

import dev.keywarden.KeywardenException;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.FindingsStore;
import dev.keywarden.findings.StoredFinding;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code FINDING#} items: one per check and resource of an account, written only when changed.
 */
final class DynamoFindings implements FindingsStore {
  private final FindingsTable table;

  DynamoFindings(FindingsTable table) {
    this.table = table;
  }

  /**
   * The account's findings, all of them or those with one status, ordered by check id then resource
   * id.
   */
  List<StoredFinding> findings(String accountId, Optional<FindingStatus> status) {
    return table.query(accountId, FINDING, status, "read findings").stream()
        .map(FindingsTableItems::finding)
        .sorted(
            Comparator.comparing(StoredFinding::checkId).thenComparing(StoredFinding::resourceId))
        .toList();
  }

  @Override
  public void writeFindings(String accountId, List<StoredFinding> changed) {
    for (StoredFinding finding : changed) {
      if (!finding.accountId().equals(accountId)) {
        throw new IllegalArgumentException(
            "finding "
                + finding.key()
                + " belongs to account "
                + finding.accountId()
                + ", not "
                + accountId);
      }
      Map<String, AttributeValue> item = FindingsTableItems.finding(finding, table.history);
      try {
        table.call(
            "write finding " + finding.key() + " of account " + accountId,
            () ->
                table.client.putItem(
                    r -> {
                      r.tableName(table.name).item(item);
                      if (finding.version() <= 1) {
                        r.conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", PK));
                      } else {
                        r.conditionExpression("#version = :previous")
                            .expressionAttributeNames(Map.of("#version", VERSION))
                            .expressionAttributeValues(
                                Map.of(":previous", n(finding.version() - 1)));
                      }
                    }));
      } catch (ConditionalCheckFailedException raced) {
        if (holdsAlready(item, accountId)) {
          // The SDK retried a write whose answer was lost after DynamoDB applied it: the table
          // already
          // holds exactly this version, so the write is done, not raced.
          continue;
        }
        throw new KeywardenException(
            "another run changed finding "
                + finding.key()
                + " of account "
                + accountId
                + "; this run stops, the next one will reconcile",
            raced);
      }
    }
  }

  /**
   * True when the table's item under this item's key is this very item, attribute for attribute.
   */
  private boolean holdsAlready(Map<String, AttributeValue> item, String accountId) {
    Map<String, AttributeValue> stored =
        table.get(
            Map.of(PK, item.get(PK), SK, item.get(SK)),
            "read back finding " + item.get(SK).s() + " of account " + accountId);
    return item.equals(stored);
  }
}
