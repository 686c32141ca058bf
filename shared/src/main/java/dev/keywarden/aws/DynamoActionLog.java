package dev.keywarden.aws;

import static dev.keywarden.aws.FindingsTableItems.ACTION;
import static dev.keywarden.aws.FindingsTableItems.PK;

import dev.keywarden.remediate.ActionLogEntry;
import dev.keywarden.remediate.ActionLogStore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code ACTION#} items: the append-only log of deactivations and undos, each phase written
 * once.
 */
final class DynamoActionLog implements ActionLogStore {
  private final FindingsTable table;

  DynamoActionLog(FindingsTable table) {
    this.table = table;
  }

  @Override
  public List<ActionLogEntry> actions(String accountId) {
    return table.query(accountId, ACTION, Optional.empty(), "load the action log").stream()
        .map(FindingsTableItems::action)
        .sorted(Comparator.comparing(ActionLogEntry::at).thenComparing(ActionLogEntry::phase))
        .toList();
  }

  @Override
  public boolean appendAction(ActionLogEntry entry) {
    try {
      table.call(
          "log action " + entry.actionId() + " of account " + entry.accountId(),
          () ->
              table.client.putItem(
                  r ->
                      r.tableName(table.name)
                          .item(FindingsTableItems.action(entry))
                          .conditionExpression("attribute_not_exists(#pk)")
                          .expressionAttributeNames(Map.of("#pk", PK))));
      return true;
    } catch (ConditionalCheckFailedException alreadyLogged) {
      return false;
    }
  }
}
