package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.testsupport.WithEmulator;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The auditor, as Lambda would run it, on the sample events against the emulator. */
@WithEmulator
class AccountAuditorHandlerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "123456789012";
  private static final String TABLE = AuditedAccount.TABLE;

  private AuditedAccount account;
  private AwsClientFactory clients;
  private AccountAuditorHandler handler;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    account = AuditedAccount.arrange(endpoint).withKeyedUser("svc-legacy");
    clients = account.clients();
    handler = account.handler();
  }

  @AfterEach
  void close() {
    account.close();
  }

  private JsonNode invoke(String sampleEvent) throws Exception {
    return invoke(sampleEvent, null);
  }

  private JsonNode invoke(String sampleEvent, Context context) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = Events.stream(sampleEvent)) {
      handler.handleRequest(in, out, context);
    }
    return JSON.readTree(out.toString(StandardCharsets.UTF_8));
  }

  private List<StoredFinding> findings() {
    return DynamoAccountStateStore.builder()
        .client(clients.dynamoDb())
        .tableName(TABLE)
        .build()
        .findings(ACCOUNT, Optional.empty());
  }

  @Test
  void handleRequest_whenAnSqsAuditRequest_auditsTheAccountAndReportsNoFailure() throws Exception {
    JsonNode response = invoke("sqs-audit-request.json");

    assertThat(response.path("batchItemFailures")).isEmpty();
    assertThat(findings()).extracting(StoredFinding::checkId).contains("owner-missing");
  }

  @Test
  void handleRequest_whenABatchHoldsAMalformedRecord_failsOnlyThatRecord() throws Exception {
    JsonNode response = invoke("sqs-mixed-batch.json");

    assertThat(response.path("batchItemFailures"))
        .extracting(f -> f.path("itemIdentifier").asText())
        .containsExactly("7b0f7c0e-5a4d-4f38-9d1e-2c6f0a1b3d45");
    assertThat(findings())
        .as("the good record was audited")
        .extracting(StoredFinding::checkId)
        .contains("owner-missing");
  }

  @Test
  void handleRequest_whenTheDailySchedule_auditsItsOwnAccount() throws Exception {
    JsonNode response = invoke("scheduled-daily.json");

    assertThat(response.path("runId").asText()).isEqualTo("run-20261124T060000Z-cdc73f9d");
    assertThat(response.path("accountId").asText()).isEqualTo(ACCOUNT);
    assertThat(response.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(findings()).extracting(StoredFinding::checkId).contains("owner-missing");
  }

  @Test
  void handleRequest_whenTheInvocationHasTimeLeft_auditsAsWithoutADeadline() throws Exception {
    JsonNode response = invoke("sqs-audit-request.json", new TimedContext(() -> 600_000));

    assertThat(response.path("batchItemFailures")).isEmpty();
    assertThat(findings()).extracting(StoredFinding::checkId).contains("owner-missing");
  }

  @Test
  void handleRequest_whenLessThanTheStopMarginIsLeft_beginsNoRecordAndReturnsEachToTheQueue()
      throws Exception {
    JsonNode response = invoke("sqs-mixed-batch.json", new TimedContext(() -> 59_000));

    assertThat(response.path("batchItemFailures"))
        .extracting(f -> f.path("itemIdentifier").asText())
        .as("every record, the good one too, comes back after the visibility timeout")
        .hasSize(2);
    assertThat(findings()).as("no account was begun").isEmpty();
  }

  @Test
  void handleRequest_whenTheScheduleComesWithTooLittleTime_reportsIncompleteAndWritesNothing()
      throws Exception {
    JsonNode response = invoke("scheduled-daily.json", new TimedContext(() -> 10_000));

    assertThat(response.path("status").asText()).isEqualTo("INCOMPLETE");
    assertThat(findings()).isEmpty();
  }

  @Test
  void handleRequest_whenTimeRunsOutDuringTheAudit_failsTheRecordSoThatItsNextDeliveryFinishes()
      throws Exception {
    AtomicInteger asked = new AtomicInteger();
    JsonNode response =
        invoke(
            "sqs-audit-request.json",
            new TimedContext(() -> asked.getAndIncrement() < 1 ? 600_000 : 30_000));

    assertThat(response.path("batchItemFailures"))
        .extracting(f -> f.path("itemIdentifier").asText())
        .hasSize(1);
    assertThat(findings())
        .as("the audit began and recorded its findings before stopping")
        .extracting(StoredFinding::checkId)
        .contains("owner-missing");
    JsonNode retried = invoke("sqs-audit-request.json", new TimedContext(() -> 600_000));
    assertThat(retried.path("batchItemFailures")).isEmpty();
  }
}
