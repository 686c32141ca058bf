package dev.keywarden.aws;

import dev.keywarden.config.RunSettings;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * For the integration tests that date keys or set their last use, which only the emulator's test
 * fixtures can: each such class runs its own emulator started with them instead of the shared one,
 * and each test starts from it reset, with clients for it and an empty findings table.
 */
abstract class OwnFixturedEmulator {
  static MotoServer server;
  static AwsEndpoint endpoint;

  AwsClientFactory clients;

  @BeforeAll
  static void startOwnEmulator() {
    server = MotoServer.builder().testFixtures().build();
    endpoint = server.start();
  }

  @AfterAll
  static void stopOwnEmulator() {
    server.close();
  }

  @BeforeEach
  void resetWithFindingsTable() {
    server.reset();
    clients = EmulatorClients.of(endpoint);
    DynamoAccountStateStore.createTable(clients.dynamoDb(), RunSettings.defaults().findingsTable());
  }

  @AfterEach
  void closeClients() {
    clients.close();
  }
}
