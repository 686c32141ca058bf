package dev.keywarden.aws;

import static dev.keywarden.aws.FindingsTableItems.GSI1;
import static dev.keywarden.aws.FindingsTableItems.GSI1_PK;
import static dev.keywarden.aws.FindingsTableItems.SUMMARY;
import static dev.keywarden.aws.FindingsTableItems.s;

import dev.keywarden.audit.RunRecords;
import dev.keywarden.findings.RunRecord;
import dev.keywarden.findings.RunSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The {@code SUMMARY#} items (one per account per run, indexed by ISO week for the weekly report)
 * and the {@code RUN#} items (what the dispatcher sent).
 */
final class DynamoRunRecords implements RunRecords {
  private final FindingsTable table;

  DynamoRunRecords(FindingsTable table) {
    this.table = table;
  }

  @Override
  public void putSummary(RunSummary summary) {
    table.call(
        "store the run summary of account " + summary.accountId(),
        () ->
            table.client.putItem(
                r ->
                    r.tableName(table.name)
                        .item(FindingsTableItems.summary(summary, table.history))));
  }

  /** Each account's latest run summary in an ISO week, ordered by account id. */
  List<RunSummary> summariesForWeek(String isoWeek) {
    Map<String, RunSummary> latest = new TreeMap<>();
    runSummariesForWeek(isoWeek)
        .forEach(
            summary ->
                latest.merge(
                    summary.accountId(), summary, (a, b) -> b.at().isAfter(a.at()) ? b : a));
    return List.copyOf(latest.values());
  }

  /** Every run summary of the ISO week, all accounts, through the week index. */
  List<RunSummary> runSummariesForWeek(String isoWeek) {
    QueryRequest request =
        QueryRequest.builder()
            .tableName(table.name)
            .indexName(GSI1)
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", GSI1_PK))
            .expressionAttributeValues(Map.of(":pk", s(SUMMARY + isoWeek)))
            .build();
    return table.call(
        "read the summaries of week " + isoWeek,
        () -> {
          List<RunSummary> all = new ArrayList<>();
          table
              .client
              .queryPaginator(request)
              .items()
              .forEach(item -> all.add(FindingsTableItems.summary(item)));
          return List.copyOf(all);
        });
  }

  @Override
  public void putRun(String runId, Instant startedAt, List<String> accountIds) {
    RunRecord run = new RunRecord(runId, startedAt, accountIds);
    table.call(
        "store the record of run " + runId,
        () ->
            table.client.putItem(
                r -> r.tableName(table.name).item(FindingsTableItems.run(run, table.history))));
  }

  /** The record the dispatcher wrote for a run, if any. */
  Optional<RunRecord> run(String runId) {
    Map<String, AttributeValue> item =
        table.get(FindingsTableItems.runKey(runId), "read the record of run " + runId);
    return item.isEmpty() ? Optional.empty() : Optional.of(FindingsTableItems.run(item));
  }
}
