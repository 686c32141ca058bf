package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.KeywardenException;
import dev.keywarden.audit.AuditRequest;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The dispatcher's queue on the emulator: every request arrives once, ten to a call. */
@WithEmulator
class SqsAuditQueueIT {
  private AwsClientFactory clients;
  private CallCounter calls;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    calls = CallCounter.create();
    clients = EmulatorClients.of(endpoint, calls);
  }

  @AfterEach
  void close() {
    clients.close();
  }

  private static List<AuditRequest> requests(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new AuditRequest("run-1", String.format("%012d", 100_000_000_000L + i)))
        .toList();
  }

  @Test
  void send_whenThereAreMoreThanTen_sendsEachOnceInBatchesOfTen() {
    String url = clients.sqs().createQueue(r -> r.queueName("keywarden-audit-requests")).queueUrl();
    List<AuditRequest> sent = requests(23);

    SqsAuditQueue.create(clients.sqs(), url).send(sent);

    assertThat(calls.snapshot()).containsEntry("Sqs:SendMessageBatch", 3L);
    List<AuditRequest> received = new ArrayList<>();
    while (true) {
      List<Message> batch =
          clients.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
      if (batch.isEmpty()) {
        break;
      }
      for (Message m : batch) {
        received.add(AuditRequest.fromJson(m.body()));
        clients.sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
      }
    }
    assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
  }

  @Test
  void send_whenTheQueueDoesNotExist_failsNamingTheQueueAndTheAccounts() {
    String url = clients.sqs().createQueue(r -> r.queueName("gone")).queueUrl();
    clients.sqs().deleteQueue(r -> r.queueUrl(url));

    assertThatThrownBy(() -> SqsAuditQueue.create(clients.sqs(), url).send(requests(2)))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("sqs:SendMessageBatch to " + url)
        .hasMessageContaining("100000000000, 100000000001");
  }
}
