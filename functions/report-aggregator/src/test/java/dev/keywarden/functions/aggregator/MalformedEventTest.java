package dev.keywarden.functions.aggregator;

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
          "KEYWARDEN_REPORTS_BUCKET",
          "keywarden-reports");

  private AwsClientFactory clients;
  private ReportAggregatorHandler handler;

  static List<MalformedPayloads.Case> cases() {
    return MalformedPayloads.scheduledFunction();
  }

  @BeforeEach
  void arrange() {
    clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                URI.create("http://127.0.0.1:9"), "us-east-1", "testing", "testing"));
    handler =
        new ReportAggregatorHandler(
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
