package dev.keywarden.functions.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import dev.keywarden.testsupport.crac.CheckpointContext;
import dev.keywarden.testsupport.crac.PrimingContract;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.crac.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * SnapStart priming: the handler registers for the checkpoint and primes against AWS without
 * changing anything.
 */
@WithEmulator
class PrimingIT extends PrimingContract {
  private static final String TABLE = "keywarden-findings";

  private AwsClientFactory clients;
  private String queueUrl;
  private OrgDispatcherHandler handler;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                endpoint.endpoint(),
                endpoint.region(),
                endpoint.accessKeyId(),
                endpoint.secretAccessKey()));
    DynamoAccountStateStore.createTable(clients.dynamoDb(), TABLE);
    queueUrl = clients.sqs().createQueue(r -> r.queueName("keywarden-audit-requests")).queueUrl();
    handler =
        new OrgDispatcherHandler(
            clients,
            ConfigLoader.loadSettings(
                Optional.empty(),
                Map.of(
                    "KEYWARDEN_AUDIT_QUEUE_URL", queueUrl,
                    "KEYWARDEN_FINDINGS_TABLE", TABLE)),
            Clock.systemUTC());
  }

  @AfterEach
  void close() {
    clients.close();
  }

  @Override
  protected Resource registerWith(CheckpointContext context) {
    handler.registerWith(context);
    return handler;
  }

  @Override
  protected void assertNothingWritten() {
    assertThat(clients.dynamoDb().scan(r -> r.tableName(TABLE)).count())
        .as("items in the findings table")
        .isZero();
    assertThat(
            clients.sqs().receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(0)).messages())
        .as("queued audit requests")
        .isEmpty();
  }
}
