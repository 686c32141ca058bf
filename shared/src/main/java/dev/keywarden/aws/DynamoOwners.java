package dev.keywarden.aws;

import static dev.keywarden.aws.FindingsTableItems.key;

import dev.keywarden.audit.OwnerStore;
import java.util.Map;

/** The {@code OWNERS} item of each account: who owns its keys near or past their deadline. */
final class DynamoOwners implements OwnerStore {
  private final FindingsTable table;

  DynamoOwners(FindingsTable table) {
    this.table = table;
  }

  @Override
  public Map<String, String> owners(String accountId) {
    var item =
        table.get(
            key(accountId, FindingsTableItems.OWNERS),
            "read the key owners of account " + accountId);
    return item.isEmpty() ? Map.of() : FindingsTableItems.owners(item);
  }

  @Override
  public void putOwners(String accountId, Map<String, String> owners) {
    table.call(
        "store the key owners of account " + accountId,
        () ->
            table.client.putItem(
                r -> r.tableName(table.name).item(FindingsTableItems.owners(accountId, owners))));
  }
}
