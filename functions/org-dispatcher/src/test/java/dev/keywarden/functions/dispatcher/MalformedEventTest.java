package dev.keywarden.functions.dispatcher;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.testsupport.lambda.MalformedEventContract;
import dev.keywarden.testsupport.lambda.MalformedPayloads;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every empty or malformed payload is an InvalidInputException naming what arrived, before any call
 * to AWS.
 */
class MalformedEventTest extends MalformedEventContract {
  /** The function's own variables, enough for its handler to be built (and its jar to start). */
  static final Map<String, String> SETTINGS =
      Map.of(
          "KEYWARDEN_FINDINGS_TABLE",
          "keywarden-findings",
          "KEYWARDEN_AUDIT_QUEUE_URL",
          "https://sqs.us-east-1.amazonaws.com/123456789012/keywarden-audit-requests");

  private AwsClientFactory clients;
  private OrgDispatcherHandler handler;

  static List<MalformedPayloads.Case> cases() {
    return Stream.concat(
            MalformedPayloads.scheduledFunction().stream(),
            Stream.of(
                new MalformedPayloads.Case(
                    "no id",
                    "{\"time\": \"2026-11-24T06:00:00Z\"}",
                    "has no id with letters or digits")))
        .toList();
  }

  @BeforeEach
  void arrange() {
    clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                URI.create("http://127.0.0.1:9"), "us-east-1", "testing", "testing"));
    handler =
        new OrgDispatcherHandler(
            clients, ConfigLoader.loadSettings(Optional.empty(), SETTINGS), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    clients.close();
  }

  @Override
  protected RequestStreamHandler handler() {
    return handler;
  }

  @Override
  protected List<String> namedInEveryMessage() {
    return List.of("Scheduled Event");
  }
}
