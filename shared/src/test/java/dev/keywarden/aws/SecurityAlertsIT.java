package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Alerts to the security topic as each kind of subscriber receives them from SNS: queues (raw and
 * in SNS's envelope) get the chat notification, an HTTP endpoint, like e-mail, the readable text;
 * owners' notices stay plain text.
 */
@WithEmulator
class SecurityAlertsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BODY =
      "Keywarden reached the per-run deactivation cap (2) in account 123456789012.\n"
          + "  svc-a access_key_1 (deadline 2026-11-30T06:00:00Z)\n"
          + "Raise deactivation-cap if this many expirations are expected, or deactivate them by hand.\n";

  private AwsClientFactory clients;
  private String topicArn;
  private HttpServer http;
  private final List<String> posted = new CopyOnWriteArrayList<>();

  @BeforeEach
  void arrange(AwsEndpoint endpoint) throws Exception {
    clients = EmulatorClients.of(endpoint);
    topicArn = clients.sns().createTopic(r -> r.name("keywarden-security")).topicArn();
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            posted.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    http.start();
  }

  @AfterEach
  void close() {
    http.stop(0);
    clients.close();
  }

  private String queue(String name, boolean raw) {
    String url = clients.sqs().createQueue(r -> r.queueName(name)).queueUrl();
    String arn =
        clients
            .sqs()
            .getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("QueueArn"))
            .attributesAsStrings()
            .get("QueueArn");
    clients
        .sns()
        .subscribe(
            r ->
                r.topicArn(topicArn)
                    .protocol("sqs")
                    .endpoint(arn)
                    .attributes(raw ? Map.of("RawMessageDelivery", "true") : Map.of()));
    return url;
  }

  private List<Message> receive(String url) {
    return clients
        .sqs()
        .receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
        .messages();
  }

  @Test
  void alert_reachesQueuesAsTheChatNotification_rawOrInTheEnvelope_andHttpAsText()
      throws Exception {
    String enveloped = queue("security-enveloped", false);
    String raw = queue("security-raw", true);
    clients
        .sns()
        .subscribe(
            r ->
                r.topicArn(topicArn)
                    .protocol("http")
                    .endpoint(
                        "http://"
                            + http.getAddress().getHostString()
                            + ":"
                            + http.getAddress().getPort()
                            + "/alerts"));

    SnsNotifier.create(clients.sns(), topicArn, Optional.of(topicArn))
        .alert(
            "Keywarden: deactivation cap reached in 123456789012",
            BODY,
            Map.of("kind", "deactivation-deferred", "accountId", "123456789012"));

    JsonNode envelope = JSON.readTree(receive(enveloped).get(0).body());
    assertThat(envelope.path("Subject").asText())
        .isEqualTo("Keywarden: deactivation cap reached in 123456789012");
    assertThat(envelope.path("MessageAttributes").path("kind").path("Value").asText())
        .isEqualTo("deactivation-deferred");
    JsonNode chat = JSON.readTree(envelope.path("Message").asText());
    assertThat(chat.path("version").asText()).isEqualTo("1.0");
    assertThat(chat.path("source").asText()).isEqualTo("custom");
    assertThat(chat.path("content").path("title").asText())
        .isEqualTo("Keywarden: deactivation cap reached in 123456789012");
    assertThat(chat.path("content").path("nextSteps").get(0).asText())
        .startsWith("Raise deactivation-cap");

    List<Message> rawMessages = receive(raw);
    assertThat(rawMessages).hasSize(1);
    assertThat(JSON.readTree(rawMessages.get(0).body())).isEqualTo(chat);

    assertThat(posted)
        .filteredOn(p -> p.contains("\"Notification\""))
        .singleElement()
        .satisfies(p -> assertThat(JSON.readTree(p).path("Message").asText()).isEqualTo(BODY));
  }

  @Test
  void publish_ofAnOwnersNotice_staysPlainText() throws Exception {
    String enveloped = queue("notices", false);

    SnsNotifier.create(clients.sns(), topicArn, Optional.empty())
        .publish(
            new dev.keywarden.notify.NoticeDraft(
                "draft-1",
                "owner@example.com",
                dev.keywarden.notify.NoticeKind.ROTATION,
                "Keywarden: 1 access key",
                "rotate it\n",
                Map.of(),
                Map.of("kind", "rotation-notice")));

    assertThat(JSON.readTree(receive(enveloped).get(0).body()).path("Message").asText())
        .isEqualTo("rotate it\n");
  }
}
