package dev.keywarden.functions.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.audit.AuditRequest;
import dev.keywarden.aws.AwsClientFactory;
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
  @Test
  void deploymentJar_underTheRuntimeClient_answersTheDailyScheduleAndLogsJson(AwsEndpoint endpoint)
      throws Exception {
    try (DispatchQueue queue = DispatchQueue.arrange(endpoint)) {
      AwsClientFactory clients = queue.clients();
      clients.organizations().createOrganization(r -> r.featureSet("ALL"));
      String tagged =
          clients
              .organizations()
              .createAccount(r -> r.accountName("payments-prod").email("payments-prod@example.com"))
              .createAccountStatus()
              .accountId();
      clients
          .organizations()
          .tagResource(
              r -> r.resourceId(tagged).tags(t -> t.key("owner").value("payments@example.com")));

      RuntimeClientRun run =
          RuntimeClientRun.send(
              endpoint,
              queue.settings(),
              RuntimeClientRun.sampleEvent("scheduled-daily.json"),
              Duration.ofSeconds(60));

      JsonNode response = run.response();
      assertThat(response.path("runId").asText()).isEqualTo("run-20261124T060000Z-cdc73f9d");
      assertThat(response.path("accounts")).hasSize(2);
      assertThat(queue.queued())
          .as("the tagged account's request names its owner")
          .contains(
              new AuditRequest(
                  "run-20261124T060000Z-cdc73f9d", tagged, Optional.of("payments@example.com")));
      run.assertLogsStructuredLines();
      assertThat(run.invocationLines())
          .anySatisfy(
              line ->
                  assertThat(line.path("runId").asText())
                      .isEqualTo("run-20261124T060000Z-cdc73f9d"));
    }
  }
}
