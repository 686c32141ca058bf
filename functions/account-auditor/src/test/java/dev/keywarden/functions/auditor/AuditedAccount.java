package dev.keywarden.functions.auditor;

import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated account the auditor's integration tests start from, made one way for all of them:
 * the findings table and the notices topic the function's settings name, and the clients that made
 * them, which closing this closes.
 */
final class AuditedAccount implements AutoCloseable {
  static final String TABLE = "keywarden-findings";

  private final AwsClientFactory clients;
  private final String noticesTopic;

  private AuditedAccount(AwsClientFactory clients, String noticesTopic) {
    this.clients = clients;
    this.noticesTopic = noticesTopic;
  }

  /** Settings for the emulator's endpoint, region and credentials. */
  static ClientSettings clientSettings(AwsEndpoint endpoint) {
    return ClientSettings.forEndpoint(
        endpoint.endpoint(), endpoint.region(), endpoint.accessKeyId(), endpoint.secretAccessKey());
  }

  /** Clients for the emulator; the caller closes them. */
  static AwsClientFactory clientsFor(AwsEndpoint endpoint) {
    return AwsClientFactory.create(clientSettings(endpoint));
  }

  /** Creates the findings table and the notices topic on the emulator. */
  static AuditedAccount arrange(AwsEndpoint endpoint) {
    AwsClientFactory clients = clientsFor(endpoint);
    DynamoAccountStateStore.createTable(clients.dynamoDb(), TABLE);
    return new AuditedAccount(
        clients, clients.sns().createTopic(r -> r.name("keywarden-notices")).topicArn());
  }

  /** Adds an untagged user with one access key, which every audit has a finding for. */
  AuditedAccount withKeyedUser(String userName) {
    AccountSeeder seeder = AccountSeeder.using(clients.iam());
    seeder.createUser(userName, Map.of());
    seeder.addAccessKey(userName);
    return this;
  }

  AwsClientFactory clients() {
    return clients;
  }

  /** The function's own variables for this account, as the template sets them. */
  Map<String, String> settings() {
    return Map.of(
        "KEYWARDEN_FINDINGS_TABLE", TABLE,
        "KEYWARDEN_NOTICES_TOPIC_ARN", noticesTopic,
        "KEYWARDEN_EXTERNAL_ID", "keywarden-test-external-id");
  }

  /** The handler on these clients and {@link #settings}, with the system clock. */
  AccountAuditorHandler handler() {
    return new AccountAuditorHandler(
        clients, ConfigLoader.loadSettings(Optional.empty(), settings()), Clock.systemUTC());
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
