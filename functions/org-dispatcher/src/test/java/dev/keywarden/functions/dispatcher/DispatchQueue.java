package dev.keywarden.functions.dispatcher;

import dev.keywarden.audit.AuditRequest;
import dev.keywarden.aws.ActionRecorder;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.emulator.AwsEndpoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dispatcher's integration tests start from on the emulator, made one way for all of them:
 * the findings table and the audit queue its settings name, and the clients that made them, which
 * closing this closes.
 */
final class DispatchQueue implements AutoCloseable {
  private static final String TABLE = "keywarden-findings";

  private final ClientSettings clientSettings;
  private final AwsClientFactory clients;
  private final String queueUrl;

  private DispatchQueue(ClientSettings clientSettings, AwsClientFactory clients, String queueUrl) {
    this.clientSettings = clientSettings;
    this.clients = clients;
    this.queueUrl = queueUrl;
  }

  /** Creates the findings table and the audit queue on the emulator. */
  static DispatchQueue arrange(AwsEndpoint endpoint) {
    ClientSettings clientSettings =
        ClientSettings.forEndpoint(
            endpoint.endpoint(),
            endpoint.region(),
            endpoint.accessKeyId(),
            endpoint.secretAccessKey());
    AwsClientFactory clients = AwsClientFactory.create(clientSettings);
    DynamoAccountStateStore.createTable(clients.dynamoDb(), TABLE);
    String queueUrl =
        clients.sqs().createQueue(r -> r.queueName("keywarden-audit-requests")).queueUrl();
    return new DispatchQueue(clientSettings, clients, queueUrl);
  }

  AwsClientFactory clients() {
    return clients;
  }

  String queueUrl() {
    return queueUrl;
  }

  /** Further clients for the same emulator, whose every call {@code recorder} records. */
  AwsClientFactory recordedBy(ActionRecorder recorder) {
    return AwsClientFactory.create(clientSettings, recorder);
  }

  /** The function's own variables for this queue, as the template sets them. */
  Map<String, String> settings() {
    return Map.of(
        "KEYWARDEN_AUDIT_QUEUE_URL", queueUrl,
        "KEYWARDEN_FINDINGS_TABLE", TABLE);
  }

  /** The handler on {@code through} and {@link #settings}, with the system clock. */
  OrgDispatcherHandler handler(AwsClientFactory through) {
    return new OrgDispatcherHandler(
        through, ConfigLoader.loadSettings(Optional.empty(), settings()), Clock.systemUTC());
  }

  /**
   * Every audit request on the queue, received until none is left (received messages stay hidden,
   * so each is read once).
   */
  List<AuditRequest> queued() {
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

  /** How many items the findings table holds. */
  int storedItems() {
    return clients.dynamoDb().scan(r -> r.tableName(TABLE)).count();
  }

  @Override
  public void close() {
    clients.close();
  }
}
