package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.audit.AuditRequest;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import dev.keywarden.testsupport.lambda.RuntimeClientRun;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The deployment jar under the real Lambda runtime interface client, in its own JVM: the handler
 * template.yaml names loads from the jar alone, answers the sample event, and logs JSON lines.
 */
@WithEmulator
class RuntimeClientIT {
  /** The auditor's Timeout in template.yaml: the deadline Lambda gives each invocation. */
  private static final Duration FUNCTION_TIMEOUT = Duration.ofMinutes(15);

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void deploymentJar_underTheRuntimeClient_answersTheDailyScheduleAndLogsJson(AwsEndpoint endpoint)
      throws Exception {
    RuntimeClientRun run;
    try (AuditedAccount account = AuditedAccount.arrange(endpoint).withKeyedUser("svc-legacy")) {
      run =
          RuntimeClientRun.send(
              endpoint,
              account.settings(),
              RuntimeClientRun.sampleEvent("scheduled-daily.json"),
              FUNCTION_TIMEOUT);
    }

    JsonNode response = run.response();
    assertThat(response.path("accountId").asText()).isEqualTo("123456789012");
    assertThat(response.path("status").asText()).isEqualTo("COMPLETED");
    run.assertLogsStructuredLines();
    assertThat(run.invocationLines())
        .as("lines logged while answering")
        .isNotEmpty()
        .allSatisfy(
            line -> {
              assertThat(line.path("runId").asText()).isEqualTo("run-20261124T060000Z-cdc73f9d");
              assertThat(line.path("accountId").asText()).isEqualTo("123456789012");
            });
  }

  /**
   * The deadline Lambda sends with the invocation reaches the run: with less than the stop margin
   * (60 s) before the function's timeout, the scheduled audit begins nothing and says so.
   */
  @Test
  void deploymentJar_underTheRuntimeClient_whenTheInvocationIsNearItsTimeout_beginsNothing(
      AwsEndpoint endpoint) throws Exception {
    try (AuditedAccount account = AuditedAccount.arrange(endpoint)) {
      RuntimeClientRun run =
          RuntimeClientRun.send(
              endpoint,
              account.settings(),
              RuntimeClientRun.sampleEvent("scheduled-daily.json"),
              Duration.ofSeconds(45));

      assertThat(run.response().path("status").asText()).isEqualTo("INCOMPLETE");
      assertThat(account.storedItems()).as("items in the findings table").isZero();
    }
  }

  /**
   * The queue's path through the jar: a request carrying its account's owner, one for another
   * account (entered through its audit role) and a malformed one, which alone is reported as
   * failed.
   */
  @Test
  void deploymentJar_underTheRuntimeClient_auditsAQueuedBatchAndFailsOnlyTheMalformedRecord(
      AwsEndpoint endpoint) throws Exception {
    ObjectNode batch =
        (ObjectNode) JSON.readTree(RuntimeClientRun.sampleEvent("sqs-mixed-batch.json"));
    ArrayNode records = (ArrayNode) batch.get("Records");
    ((ObjectNode) records.get(0))
        .put(
            "body",
            new AuditRequest("run-queued", "123456789012", Optional.of("account-team@example.com"))
                .toJson());
    ObjectNode member = records.get(0).deepCopy();
    member
        .put("messageId", "member-account")
        .put("body", new AuditRequest("run-queued", "210987654321").toJson());
    records.add(member);
    String malformed = records.get(1).path("messageId").asText();

    RuntimeClientRun run;
    try (AuditedAccount account = AuditedAccount.arrange(endpoint).withKeyedUser("svc-orphan")) {
      run = RuntimeClientRun.send(endpoint, account.settings(), batch.toString(), FUNCTION_TIMEOUT);
    }

    assertThat(run.response().path("batchItemFailures").findValuesAsText("itemIdentifier"))
        .containsExactly(malformed);
  }
}
