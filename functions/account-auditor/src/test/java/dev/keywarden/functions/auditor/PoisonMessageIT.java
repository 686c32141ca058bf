package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.audit.AuditRequest;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.testsupport.WithEmulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Poison audit requests on a real (emulated) queue with a redrive policy, worked by the auditor as
 * Lambda's event-source mapping would: receive a batch, hand it over as the SQS event Lambda
 * delivers, delete the records not named in {@code batchItemFailures}. The good requests are
 * audited and deleted on their first delivery; the poison ones come back until SQS moves them to
 * the dead-letter queue, and block nothing meanwhile.
 *
 * <p>Only the poller is test code (Lambda's part); SQS, with its receive counts and its move to the
 * dead-letter queue, is the emulator's. The emulator, like SQS, moves a message on the first {@code
 * ReceiveMessage} after it has been received {@code maxReceiveCount} times.
 */
@WithEmulator
class PoisonMessageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE = AuditedAccount.TABLE;
  private static final String OWN_ACCOUNT = "123456789012";
  private static final int MAX_RECEIVE_COUNT = 2;

  /** Seconds a delivered batch stays invisible; a failed record is received again after it. */
  private static final int VISIBILITY_SECONDS = 1;

  /** The template's largest AuditBatchSize. */
  private static final int BATCH_SIZE = 5;

  /** Receives before the test gives up: the queue must drain well before. */
  private static final int MAX_POLLS = 30;

  private static final List<String> POISON =
      List.of(
          "this is not JSON",
          "{\"runId\":\"run-poison\"}",
          "{\"accountId\":\"" + OWN_ACCOUNT + "\"}");

  private AuditedAccount account;
  private AwsClientFactory clients;
  private AccountAuditorHandler handler;
  private String queueUrl;
  private String queueArn;
  private String deadLetterUrl;
  private List<String> goodAccounts;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    account = AuditedAccount.arrange(endpoint).withKeyedUser("svc-legacy");
    clients = account.clients();
    clients.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    goodAccounts = new ArrayList<>(List.of(OWN_ACCOUNT));
    for (int i = 0; i < 2; i++) {
      String name = "member-" + i;
      goodAccounts.add(
          clients
              .organizations()
              .createAccount(r -> r.accountName(name).email(name + "@example.com"))
              .createAccountStatus()
              .accountId());
    }
    deadLetterUrl =
        clients.sqs().createQueue(r -> r.queueName("keywarden-audit-requests-dlq")).queueUrl();
    String deadLetterArn = attribute(deadLetterUrl, QueueAttributeName.QUEUE_ARN);
    queueUrl =
        clients
            .sqs()
            .createQueue(
                r ->
                    r.queueName("keywarden-audit-requests")
                        .attributes(
                            Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Integer.toString(VISIBILITY_SECONDS),
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\""
                                    + deadLetterArn
                                    + "\",\"maxReceiveCount\":\""
                                    + MAX_RECEIVE_COUNT
                                    + "\"}")))
            .queueUrl();
    queueArn = attribute(queueUrl, QueueAttributeName.QUEUE_ARN);
    handler = account.handler();
  }

  @AfterEach
  void close() {
    account.close();
  }

  @Test
  void eventSourceMapping_whenABatchHoldsPoisonMessages_auditsTheRestAtOnceAndDeadLettersThePoison()
      throws Exception {
    List<String> good =
        goodAccounts.stream()
            .map(account -> new AuditRequest("run-batch", account).toJson())
            .toList();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < good.size(); i++) {
      sent.add(POISON.get(i));
      sent.add(good.get(i));
    }
    clients
        .sqs()
        .sendMessageBatch(
            r ->
                r.queueUrl(queueUrl)
                    .entries(
                        IntStream.range(0, sent.size())
                            .mapToObj(
                                i ->
                                    SendMessageBatchRequestEntry.builder()
                                        .id("m" + i)
                                        .messageBody(sent.get(i))
                                        .build())
                            .toList()));

    Map<String, Integer> deliveries = new TreeMap<>();
    Map<String, Integer> failures = new TreeMap<>();
    int polls = 0;
    long started = System.nanoTime();
    while (depth(queueUrl) > 0) {
      assertThat(++polls).as("receives before the queue drained").isLessThanOrEqualTo(MAX_POLLS);
      List<Message> batch =
          clients
              .sqs()
              .receiveMessage(
                  r ->
                      r.queueUrl(queueUrl)
                          .maxNumberOfMessages(BATCH_SIZE)
                          .waitTimeSeconds(VISIBILITY_SECONDS + 1)
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
              .messages();
      if (batch.isEmpty()) {
        continue;
      }
      Set<String> failed = invoke(batch);
      batch.forEach(m -> deliveries.merge(m.body(), 1, Integer::sum));
      failed.forEach(id -> failures.merge(bodyOf(batch, id), 1, Integer::sum));
      List<DeleteMessageBatchRequestEntry> done =
          batch.stream()
              .filter(m -> !failed.contains(m.messageId()))
              .map(
                  m ->
                      DeleteMessageBatchRequestEntry.builder()
                          .id(m.messageId())
                          .receiptHandle(m.receiptHandle())
                          .build())
              .toList();
      if (!done.isEmpty()) {
        clients.sqs().deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
      }
    }
    System.out.printf(
        "PoisonMessageIT: %d messages (%d poison), %d receives, deliveries %s, %d ms%n",
        sent.size(),
        POISON.size(),
        polls,
        deliveries.values(),
        (System.nanoTime() - started) / 1_000_000);

    for (String request : good) {
      assertThat(deliveries.get(request)).as("deliveries of %s", request).isEqualTo(1);
      assertThat(failures).as("failures").doesNotContainKey(request);
    }
    for (String poison : POISON) {
      assertThat(deliveries.get(poison))
          .as("deliveries of %s", poison)
          .isEqualTo(MAX_RECEIVE_COUNT);
      assertThat(failures.get(poison)).as("failures of %s", poison).isEqualTo(MAX_RECEIVE_COUNT);
    }
    DynamoAccountStateStore store =
        DynamoAccountStateStore.builder().client(clients.dynamoDb()).tableName(TABLE).build();
    for (String account : goodAccounts) {
      assertThat(store.findings(account, Optional.empty()))
          .as("findings of %s", account)
          .isNotEmpty();
    }
    assertThat(store.findings(OWN_ACCOUNT, Optional.empty()))
        .extracting(StoredFinding::checkId)
        .contains("owner-missing");
    assertThat(deadLetters()).containsExactlyInAnyOrderElementsOf(POISON);
    assertThat(depth(queueUrl)).as("messages left on the source queue").isZero();
  }

  /** Hands the batch to the handler as Lambda's SQS event; returns the ids it reports as failed. */
  private Set<String> invoke(List<Message> batch) throws Exception {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (Message m : batch) {
      ObjectNode record = records.addObject();
      record.put("messageId", m.messageId());
      record.put("receiptHandle", m.receiptHandle());
      record.put("body", m.body());
      ObjectNode attributes = record.putObject("attributes");
      m.attributesAsStrings().forEach(attributes::put);
      record.putObject("messageAttributes");
      record.put("md5OfBody", m.md5OfBody());
      record.put("eventSource", "aws:sqs");
      record.put("eventSourceARN", queueArn);
      record.put("awsRegion", clients.region().id());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
    JsonNode response = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    Set<String> failed = new HashSet<>();
    response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
    return failed;
  }

  private static String bodyOf(List<Message> batch, String messageId) {
    return batch.stream()
        .filter(m -> m.messageId().equals(messageId))
        .findFirst()
        .orElseThrow()
        .body();
  }

  /** Every message in the dead-letter queue, removed. */
  private List<String> deadLetters() {
    List<String> bodies = new ArrayList<>();
    while (true) {
      List<Message> batch =
          clients
              .sqs()
              .receiveMessage(r -> r.queueUrl(deadLetterUrl).maxNumberOfMessages(10))
              .messages();
      if (batch.isEmpty()) {
        return bodies;
      }
      for (Message m : batch) {
        bodies.add(m.body());
        clients
            .sqs()
            .deleteMessage(r -> r.queueUrl(deadLetterUrl).receiptHandle(m.receiptHandle()));
      }
    }
  }

  private int depth(String url) {
    return Integer.parseInt(attribute(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(
            attribute(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private String attribute(String url, QueueAttributeName name) {
    return clients
        .sqs()
        .getQueueAttributes(r -> r.queueUrl(url).attributeNames(name))
        .attributes()
        .get(name);
  }
}
