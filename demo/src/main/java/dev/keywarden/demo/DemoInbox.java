package dev.keywarden.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.KeywardenException;
import dev.keywarden.aws.AwsClientFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A mailbox on the local emulator: an SQS queue subscribed to a topic, so that the demo shows
 * notices as a subscriber receives them, after SNS delivered them, rather than as they were built.
 */
public final class DemoInbox {
  /** One message as the subscriber received it: SNS's subject, message and message attributes. */
  public record Received(String subject, String body, Map<String, String> attributes) {
    public Received {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(body, "body");
      attributes = Map.copyOf(attributes);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AwsClientFactory clients;
  private final String queueUrl;

  private DemoInbox(AwsClientFactory clients, String queueUrl) {
    this.clients = clients;
    this.queueUrl = queueUrl;
  }

  /**
   * Creates a queue named {@code queueName} and subscribes it, unfiltered, to the topic.
   *
   * @throws KeywardenException when the queue or the subscription cannot be made
   */
  public static DemoInbox subscribe(AwsClientFactory clients, String topicArn, String queueName) {
    try {
      String queueUrl = clients.sqs().createQueue(r -> r.queueName(queueName)).queueUrl();
      String queueArn =
          clients
              .sqs()
              .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
              .attributesAsStrings()
              .get("QueueArn");
      clients.sns().subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
      return new DemoInbox(clients, queueUrl);
    } catch (SdkException e) {
      throw new KeywardenException(
          "could not subscribe queue " + queueName + " to " + topicArn + ": " + e.getMessage(), e);
    }
  }

  /** Every message delivered so far, in the order received, removed from the queue. */
  public List<Received> drain() {
    List<Received> received = new ArrayList<>();
    try {
      while (true) {
        List<Message> batch =
            clients
                .sqs()
                .receiveMessage(
                    r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                .messages();
        if (batch.isEmpty()) {
          return received;
        }
        for (Message m : batch) {
          received.add(parse(m.body()));
          clients.sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        }
      }
    } catch (SdkException e) {
      throw new KeywardenException(
          "could not read the queue " + queueUrl + ": " + e.getMessage(), e);
    }
  }

  /** SNS's JSON envelope around a message delivered to SQS. */
  static Received parse(String envelopeJson) {
    try {
      JsonNode envelope = JSON.readTree(envelopeJson);
      Map<String, String> attributes = new TreeMap<>();
      envelope
          .path("MessageAttributes")
          .fields()
          .forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().path("Value").asText()));
      return new Received(
          envelope.path("Subject").asText(), envelope.path("Message").asText(), attributes);
    } catch (JsonProcessingException e) {
      throw new KeywardenException(
          "a message on the demo queue is not an SNS envelope: " + e.getOriginalMessage(), e);
    }
  }
}
