package dev.keywarden.functions.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.keywarden.audit.AuditRequest;
import dev.keywarden.aws.ActionRecorder;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.SamTemplate;
import dev.keywarden.testsupport.WithEmulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher, as Lambda would run it, against a real queue on the emulator. */
@WithEmulator
class OrgDispatcherHandlerIT {
  private static final String ACCOUNT = "123456789012";
  private static final String RUN_ID = "run-20261124T060000Z-cdc73f9d";

  private AwsClientFactory clients;
  private AwsClientFactory recorded;
  private ActionRecorder recorder;
  private DispatchQueue queue;
  private OrgDispatcherHandler handler;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    queue = DispatchQueue.arrange(endpoint);
    clients = queue.clients();
    recorder = ActionRecorder.create();
    recorded = queue.recordedBy(recorder);
    handler = queue.handler(recorded);
  }

  @AfterEach
  void close() {
    recorded.close();
    queue.close();
  }

  /**
   * An Organization on the emulator: its management account and two member accounts, ordered by id.
   */
  private List<String> organization() {
    clients.organizations().createOrganization(r -> r.featureSet("ALL"));
    clients
        .organizations()
        .createAccount(r -> r.accountName("payments-prod").email("payments-prod@example.com"));
    clients
        .organizations()
        .createAccount(r -> r.accountName("payments-dev").email("payments-dev@example.com"));
    return clients.organizations().listAccounts(r -> {}).accounts().stream()
        .map(a -> a.id())
        .sorted()
        .toList();
  }

  @Test
  void handleRequest_inAnOrganization_queuesOneRequestPerAccountUnderTheEventsRun() {
    List<String> accounts = organization();

    Map<String, Object> response =
        handler.handleRequest(Events.load("scheduled-daily.json", ScheduledEvent.class), null);

    assertThat(accounts).hasSize(3).contains(ACCOUNT);
    assertThat(response).containsEntry("runId", RUN_ID).containsEntry("accounts", accounts);
    assertThat(queue.queued())
        .containsExactlyInAnyOrderElementsOf(
            accounts.stream().map(id -> new AuditRequest(RUN_ID, id)).toList());
  }

  @Test
  void handleRequest_makesOnlyCallsTheDispatchersRoleAllows() {
    organization();
    handler.handleRequest(Events.load("scheduled-daily.json", ScheduledEvent.class), null);
    SamTemplate template = SamTemplate.load("template.yaml");

    assertThat(recorder.actions())
        .contains("organizations:ListAccounts", "sqs:SendMessage", "dynamodb:PutItem");
    assertThat(recorder.actions())
        .allSatisfy(
            action ->
                assertThat(template.allows("OrgDispatcherRole", action))
                    .as("dispatcher role allows %s", action)
                    .isTrue());
  }
}
