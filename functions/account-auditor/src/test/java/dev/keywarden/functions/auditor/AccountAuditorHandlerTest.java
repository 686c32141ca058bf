package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.InvalidInputException;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.config.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler's event shapes and responses, with nothing to audit: no AWS call is made. */
class AccountAuditorHandlerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Nothing listens there: a call would fail, which these tests never reach. */
  private AwsClientFactory clients;

  private AccountAuditorHandler handler;

  @BeforeEach
  void arrange() {
    clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                    URI.create("http://127.0.0.1:9"), "us-east-1", "testing", "testing")
                .withMaxAttempts(1));
    handler = new AccountAuditorHandler(clients, Settings.defaults(), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    clients.close();
  }

  private String invoke(String payload) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, null);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void handleRequest_whenARecordIsMalformed_reportsItAsABatchItemFailure() throws Exception {
    ObjectNode event = (ObjectNode) Events.json("sqs-mixed-batch.json");
    ((ArrayNode) event.get("Records")).remove(0);

    String response = invoke(event.toString());

    assertThat(JSON.readTree(response))
        .isEqualTo(
            JSON.readTree(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"7b0f7c0e-5a4d-4f38-9d1e-2c6f0a1b3d45\"}]}"));
  }

  @Test
  void handleRequest_whenTheBatchIsEmpty_reportsNoFailures() throws Exception {
    assertThat(JSON.readTree(invoke("{\"Records\": []}")))
        .isEqualTo(JSON.readTree("{\"batchItemFailures\":[]}"));
  }

  @Test
  void handleRequest_whenAnotherEventShape_throwsNamingWhatIsExpected() {
    assertThatThrownBy(
            () -> invoke("{\"Records\": [{\"eventSource\": \"aws:s3\", \"messageId\": \"m\"}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected an SQS event (Records with eventSource aws:sqs)")
        .hasMessageContaining("'aws:s3'");
  }

  @Test
  void handleRequest_whenThePayloadIsNotJson_throwsNamingWhatIsExpected() {
    assertThatThrownBy(() -> invoke("Records: yes"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not JSON");
  }
}
