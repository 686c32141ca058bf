package dev.keywarden.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * An owner's mailbox on the emulator: an SQS queue subscribed to the notices topic with a filter
 * policy on {@code recipient}, the way a subscriber would receive only its own notices.
 */
final class NoticeInbox {
  /** One notice as the subscriber received it. */
  record ReceivedNotice(String subject, String body, Map<String, String> attributes) {
    private static final Pattern STAGE = Pattern.compile("\\d+ days? left|\\d+ hours? left");

    /**
     * Its kind and, for a reminder, how long was left ({@code "rotation-notice 7 days left"}): the
     * same in every life.
     */
    String kindAndStage() {
      Matcher stage = STAGE.matcher(body);
      return attributes.get("kind") + (stage.find() ? " " + stage.group() : "");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AwsClientFactory clients;
  private final String queueUrl;

  private NoticeInbox(AwsClientFactory clients, String queueUrl) {
    this.clients = clients;
    this.queueUrl = queueUrl;
  }

  /** Subscribes a new queue, filtered on {@code recipient}, to the topic. */
  static NoticeInbox subscribe(AwsClientFactory clients, String topicArn, String recipient) {
    return subscribe(
        clients,
        topicArn,
        "inbox-" + recipient,
        Map.of("FilterPolicy", "{\"recipient\":[\"" + recipient + "\"]}"));
  }

  /** Subscribes a new queue that receives everything published to the topic. */
  static NoticeInbox subscribeAll(AwsClientFactory clients, String topicArn, String name) {
    return subscribe(clients, topicArn, name, Map.of());
  }

  private static NoticeInbox subscribe(
      AwsClientFactory clients, String topicArn, String name, Map<String, String> attributes) {
    String queueName = name.replaceAll("[^A-Za-z0-9_-]", "-");
    String queueUrl = clients.sqs().createQueue(r -> r.queueName(queueName)).queueUrl();
    String queueArn =
        clients
            .sqs()
            .getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("QueueArn"))
            .attributesAsStrings()
            .get("QueueArn");
    clients
        .sns()
        .subscribe(
            r -> r.topicArn(topicArn).protocol("sqs").endpoint(queueArn).attributes(attributes));
    return new NoticeInbox(clients, queueUrl);
  }

  /** Every notice delivered so far, removed from the queue. */
  List<ReceivedNotice> drain() throws Exception {
    List<ReceivedNotice> notices = new ArrayList<>();
    while (true) {
      List<Message> batch =
          clients
              .sqs()
              .receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
              .messages();
      if (batch.isEmpty()) {
        return notices;
      }
      for (Message m : batch) {
        JsonNode envelope = JSON.readTree(m.body());
        Map<String, String> attributes = new TreeMap<>();
        envelope
            .path("MessageAttributes")
            .fields()
            .forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().path("Value").asText()));
        notices.add(
            new ReceivedNotice(
                envelope.path("Subject").asText(), envelope.path("Message").asText(), attributes));
        clients.sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
  }
}
