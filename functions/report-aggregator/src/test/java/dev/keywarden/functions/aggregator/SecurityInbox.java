package dev.keywarden.functions.aggregator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.aws.AwsClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.model.Message;

/** The security team's mailbox on the emulator: an SQS queue subscribed to the security topic. */
final class SecurityInbox {
  /** One message as the subscriber received it. */
  record Received(String subject, String body, Map<String, String> attributes) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AwsClientFactory clients;
  private final String queueUrl;

  private SecurityInbox(AwsClientFactory clients, String queueUrl) {
    this.clients = clients;
    this.queueUrl = queueUrl;
  }

  /** Subscribes a new queue that receives everything published to the topic. */
  static SecurityInbox subscribe(AwsClientFactory clients, String topicArn) {
    String queueUrl = clients.sqs().createQueue(r -> r.queueName("security-team")).queueUrl();
    String queueArn =
        clients
            .sqs()
            .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
            .attributesAsStrings()
            .get("QueueArn");
    clients.sns().subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
    return new SecurityInbox(clients, queueUrl);
  }

  /** Every message delivered so far, removed from the queue. */
  List<Received> drain() {
    List<Received> received = new ArrayList<>();
    while (true) {
      List<Message> batch =
          clients
              .sqs()
              .receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
              .messages();
      if (batch.isEmpty()) {
        return received;
      }
      for (Message m : batch) {
        JsonNode envelope = read(m.body());
        Map<String, String> attributes = new TreeMap<>();
        envelope
            .path("MessageAttributes")
            .fields()
            .forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().path("Value").asText()));
        received.add(
            new Received(
                envelope.path("Subject").asText(), envelope.path("Message").asText(), attributes));
        clients.sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
