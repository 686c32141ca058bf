package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.audit.AuditRequest;
import dev.keywarden.audit.AuditRequestSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends the dispatcher's audit requests to the SQS queue the account auditor reads, ten to a {@code
 * SendMessageBatch} call, so that 1,000 accounts cost 100 calls.
 *
 * <p>A batch call succeeds even when some of its entries fail; those are sent once more, and any
 * still failing make the whole send fail naming their accounts (the others are on the queue: the
 * auditor's lease makes a second delivery harmless).
 */
public final class SqsAuditQueue implements AuditRequestSink {
  private static final Logger LOG = LogManager.getLogger(SqsAuditQueue.class);

  /** SQS takes at most ten entries per batch. */
  static final int BATCH_SIZE = 10;

  private final SqsClient sqs;
  private final String queueUrl;

  private SqsAuditQueue(SqsClient sqs, String queueUrl) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
  }

  public static SqsAuditQueue create(SqsClient sqs, String queueUrl) {
    return new SqsAuditQueue(sqs, queueUrl);
  }

  @Override
  public void send(List<AuditRequest> requests) {
    List<AuditRequest> failed = new ArrayList<>();
    for (int from = 0; from < requests.size(); from += BATCH_SIZE) {
      List<AuditRequest> batch =
          requests.subList(from, Math.min(requests.size(), from + BATCH_SIZE));
      Map<String, AuditRequest> retry = sendBatch(batch);
      if (!retry.isEmpty()) {
        LOG.warn(
            "runId={} {} audit requests were not accepted; sending them again",
            batch.get(0).runId(),
            retry.size());
        failed.addAll(sendBatch(List.copyOf(retry.values())).values());
      }
    }
    if (!failed.isEmpty()) {
      throw new KeywardenException(
          "sqs:SendMessageBatch to "
              + queueUrl
              + " failed twice for account(s) "
              + failed.stream().map(AuditRequest::accountId).collect(Collectors.joining(", "))
              + "; those accounts are not audited in run "
              + failed.get(0).runId());
    }
  }

  /** Sends up to ten requests; returns those SQS did not accept, by entry id. */
  private Map<String, AuditRequest> sendBatch(List<AuditRequest> batch) {
    Map<String, AuditRequest> byId = new LinkedHashMap<>();
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      String id = "r" + i;
      byId.put(id, batch.get(i));
      entries.add(
          SendMessageBatchRequestEntry.builder().id(id).messageBody(batch.get(i).toJson()).build());
    }
    SendMessageBatchResponse response;
    try {
      response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
    } catch (SdkException e) {
      throw new KeywardenException(
          "sqs:SendMessageBatch to "
              + queueUrl
              + " failed for account(s) "
              + batch.stream().map(AuditRequest::accountId).collect(Collectors.joining(", "))
              + ": "
              + e.getMessage(),
          e);
    }
    Map<String, AuditRequest> failed = new LinkedHashMap<>();
    for (BatchResultErrorEntry error : response.failed()) {
      AuditRequest request = byId.get(error.id());
      if (request != null) {
        LOG.warn(
            "runId={} accountId={} audit request not accepted: {} {}",
            request.runId(),
            request.accountId(),
            error.code(),
            error.message());
        failed.put(error.id(), request);
      }
    }
    return failed;
  }
}
