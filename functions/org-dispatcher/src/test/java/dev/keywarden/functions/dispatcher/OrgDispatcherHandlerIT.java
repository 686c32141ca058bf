package dev.keywarden.functions.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.keywarden.audit.AuditRequest;
import dev.keywarden.aws.ActionRecorder;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.SamTemplate;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private String queueUrl;
  private OrgDispatcherHandler handler;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    ClientSettings settings =
        ClientSettings.forEndpoint(
            endpoint.endpoint(),
            endpoint.region(),
            endpoint.accessKeyId(),
            endpoint.secretAccessKey());
    clients = AwsClientFactory.create(settings);
    recorder = ActionRecorder.create();
    recorded = AwsClientFactory.create(settings, recorder);
    DynamoAccountStateStore.createTable(clients.dynamoDb(), "keywarden-findings");
    queueUrl = clients.sqs().createQueue(r -> r.queueName("keywarden-audit-requests")).queueUrl();
    handler =
        new OrgDispatcherHandler(
            recorded,
            ConfigLoader.loadSettings(
                Optional.empty(),
                Map.of(
                    "KEYWARDEN_AUDIT_QUEUE_URL",
                    queueUrl,
                    "KEYWARDEN_FINDINGS_TABLE",
                    "keywarden-findings")),
            Clock.systemUTC());
  }

  @AfterEach
  void close() {
    recorded.close();
    clients.close();
  }

  private List<AuditRequest> queued() {
    List<AuditRequest> requests = new ArrayList<>();
    List<String> bodies;
    do {
      bodies =
          clients
              .sqs()
              .receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
              .messages()
              .stream()
              .map(m -> m.body())
              .toList();
      bodies.forEach(body -> requests.add(AuditRequest.fromJson(body)));
    } while (!bodies.isEmpty());
    return requests;
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
    assertThat(queued())
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
