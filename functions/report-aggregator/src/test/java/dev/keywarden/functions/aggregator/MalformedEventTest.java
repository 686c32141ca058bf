package dev.keywarden.functions.aggregator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.testsupport.lambda.MalformedPayloads;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every empty or malformed payload is an InvalidInputException naming what arrived, before any call
 * to AWS.
 */
class MalformedEventTest {
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
            clients,
            ConfigLoader.loadSettings(
                Optional.empty(), Map.of("KEYWARDEN_REPORTS_BUCKET", "keywarden-reports")),
            Clock.systemUTC());
  }

  @AfterEach
  void close() {
    clients.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void handleRequest_whenThePayloadIsMalformed_throwsNamingIt(MalformedPayloads.Case malformed) {
    assertThatThrownBy(
            () ->
                handler.handleRequest(
                    new ByteArrayInputStream(malformed.payload().getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(),
                    null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(malformed.message())
        .hasMessageContaining("Scheduled Event");
  }
}
