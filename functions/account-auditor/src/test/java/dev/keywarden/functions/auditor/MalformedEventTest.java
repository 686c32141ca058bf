package dev.keywarden.functions.auditor;

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
 * Every empty or malformed payload of either shape the auditor accepts is an InvalidInputException
 * naming what arrived, before any call to AWS.
 */
class MalformedEventTest extends MalformedEventContract {
  /** The function's own variables, enough for its handler to be built (and its jar to start). */
  static final Map<String, String> SETTINGS =
      Map.of(
          "KEYWARDEN_FINDINGS_TABLE",
          "keywarden-findings",
          "KEYWARDEN_EXTERNAL_ID",
          "keywarden-test-external-id");

  private AwsClientFactory clients;
  private AccountAuditorHandler handler;

  /** The payloads no function accepts, and those that are neither an SQS batch nor a schedule. */
  static List<MalformedPayloads.Case> cases() {
    return Stream.concat(MalformedPayloads.anyFunction().stream(), auditorCases().stream())
        .toList();
  }

  static List<MalformedPayloads.Case> auditorCases() {
    return List.of(
        new MalformedPayloads.Case("empty object", "{}", "got an object with fields []"),
        new MalformedPayloads.Case(
            "Records null", "{\"Records\": null}", "Records that is not a list"),
        new MalformedPayloads.Case(
            "Records an object", "{\"Records\": {}}", "Records that is not a list"),
        new MalformedPayloads.Case(
            "record a number", "{\"Records\": [5]}", "record 0 with eventSource ''"),
        new MalformedPayloads.Case(
            "record without source",
            "{\"Records\": [{\"messageId\": \"m-1\"}]}",
            "record 0 with eventSource ''"),
        new MalformedPayloads.Case(
            "messageId a number",
            "{\"Records\": [{\"eventSource\": \"aws:sqs\", \"messageId\": 5, \"body\": \"{}\"}]}",
            "record 0 has no messageId"),
        new MalformedPayloads.Case(
            "schedule without time",
            "{\"detail-type\": \"Scheduled Event\", \"source\": \"aws.events\", \"id\": \"e-1\"}",
            "got ''"),
        new MalformedPayloads.Case(
            "schedule time a number",
            "{\"detail-type\": \"Scheduled Event\", \"source\": \"aws.events\", \"id\": \"e-1\", \"time\": 5}",
            "got '5'"),
        new MalformedPayloads.Case(
            "schedule without id",
            "{\"detail-type\": \"Scheduled Event\", \"source\": \"aws.events\", \"time\": \"2026-11-24T06:00:00Z\"}",
            "has no id with letters or digits"));
  }

  @BeforeEach
  void arrange() {
    clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                    URI.create("http://127.0.0.1:9"), "us-east-1", "testing", "testing")
                .withMaxAttempts(1));
    handler =
        new AccountAuditorHandler(
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
}
