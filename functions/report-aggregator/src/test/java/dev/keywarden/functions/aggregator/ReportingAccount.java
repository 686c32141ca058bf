package dev.keywarden.functions.aggregator;

import dev.keywarden.aws.ActionRecorder;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.emulator.AwsEndpoint;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the aggregator's integration tests start from on the emulator, made one way for all of them:
 * the findings table, the security topic and the reports bucket its settings name, and the clients
 * that made them, which closing this closes.
 */
final class ReportingAccount implements AutoCloseable {
  static final String TABLE = "keywarden-findings";
  static final String BUCKET = "keywarden-reports";

  private final ClientSettings clientSettings;
  private final AwsClientFactory clients;
  private final String securityTopic;

  private ReportingAccount(
      ClientSettings clientSettings, AwsClientFactory clients, String securityTopic) {
    this.clientSettings = clientSettings;
    this.clients = clients;
    this.securityTopic = securityTopic;
  }

  /** Creates the findings table, the security topic and the reports bucket on the emulator. */
  static ReportingAccount arrange(AwsEndpoint endpoint) {
    ClientSettings clientSettings =
        ClientSettings.forEndpoint(
            endpoint.endpoint(),
            endpoint.region(),
            endpoint.accessKeyId(),
            endpoint.secretAccessKey());
    AwsClientFactory clients = AwsClientFactory.create(clientSettings);
    DynamoAccountStateStore.createTable(clients.dynamoDb(), TABLE);
    String securityTopic = clients.sns().createTopic(r -> r.name("keywarden-security")).topicArn();
    clients.s3().createBucket(r -> r.bucket(BUCKET));
    return new ReportingAccount(clientSettings, clients, securityTopic);
  }

  AwsClientFactory clients() {
    return clients;
  }

  String securityTopic() {
    return securityTopic;
  }

  /** Further clients for the same emulator, whose every call {@code recorder} records. */
  AwsClientFactory recordedBy(ActionRecorder recorder) {
    return AwsClientFactory.create(clientSettings, recorder);
  }

  /** The function's own variables for this account, as the template sets them. */
  Map<String, String> settings() {
    return Map.of(
        "KEYWARDEN_FINDINGS_TABLE", TABLE,
        "KEYWARDEN_SECURITY_TOPIC_ARN", securityTopic,
        "KEYWARDEN_REPORTS_BUCKET", BUCKET);
  }

  /** The handler on {@code through} and {@link #settings}, telling the time by {@code clock}. */
  ReportAggregatorHandler handler(AwsClientFactory through, Clock clock) {
    return new ReportAggregatorHandler(
        through, ConfigLoader.loadSettings(Optional.empty(), settings()), clock);
  }

  @Override
  public void close() {
    clients.close();
  }
}
