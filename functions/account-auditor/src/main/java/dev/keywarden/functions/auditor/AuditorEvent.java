package dev.keywarden.functions.auditor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.InvalidInputException;
import dev.keywarden.audit.EventPayload;
import dev.keywarden.audit.RunIds;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The two events the auditor is invoked with, told apart by their shape: a batch of queued audit
 * requests, or the schedule of a single-account deployment.
 */
sealed interface AuditorEvent {
  /** What the function accepts, for error messages. */
  String EXPECTED =
      "expected an SQS event (Records with eventSource aws:sqs) or an EventBridge Scheduled Event"
          + " (detail-type 'Scheduled Event', source aws.events)";

  /**
   * Messages from the audit-requests queue; their bodies are read one by one, so that one malformed
   * body fails only its own record.
   *
   * @param messages the batch's records, in order
   */
  record SqsBatch(List<QueuedMessage> messages) implements AuditorEvent {
    public SqsBatch {
      messages = List.copyOf(messages);
    }
  }

  /**
   * One record of an SQS batch.
   *
   * @param messageId the id the batch response names when the record fails
   * @param body the message body, expected to be an audit request
   */
  record QueuedMessage(String messageId, String body) {
    public QueuedMessage {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(body, "body");
    }
  }

  /**
   * The daily schedule of a single-account deployment: audit the function's own account.
   *
   * @param id the event id
   * @param time when the schedule fired
   */
  record Scheduled(String id, Instant time) implements AuditorEvent {
    public Scheduled {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(time, "time");
    }

    /** The run id for this event; a retry of the same event gets the same id. */
    String runId() {
      return RunIds.of(time, id);
    }
  }

  /**
   * Reads an invocation payload.
   *
   * @throws InvalidInputException naming what was expected and what arrived
   */
  static AuditorEvent parse(JsonNode event) {
    EventPayload.object(event, EXPECTED);
    if (event.has("Records")) {
      return sqsBatch(event.get("Records"));
    }
    if ("Scheduled Event".equals(event.path("detail-type").asText(null))
        && "aws.events".equals(event.path("source").asText(null))) {
      return scheduled(event);
    }
    throw new InvalidInputException(EXPECTED + ", got an object with fields " + fieldNames(event));
  }

  private static SqsBatch sqsBatch(JsonNode records) {
    if (!records.isArray()) {
      throw new InvalidInputException(EXPECTED + ", got Records that is not a list");
    }
    List<QueuedMessage> messages = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = records.get(i);
      String source = record.path("eventSource").asText("");
      if (!"aws:sqs".equals(source)) {
        throw new InvalidInputException(
            EXPECTED + ", got record " + i + " with eventSource '" + source + "'");
      }
      JsonNode id = record.get("messageId");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        throw new InvalidInputException("SQS record " + i + " has no messageId");
      }
      JsonNode body = record.get("body");
      messages.add(
          new QueuedMessage(id.asText(), body == null || body.isNull() ? "" : body.asText()));
    }
    return new SqsBatch(messages);
  }

  private static Scheduled scheduled(JsonNode event) {
    String time = event.path("time").asText("");
    try {
      return new Scheduled(event.path("id").asText(""), Instant.parse(time));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "the Scheduled Event's time must be an ISO-8601 instant such as"
              + " 2026-11-24T06:00:00Z, got '"
              + time
              + "'");
    }
  }

  private static List<String> fieldNames(JsonNode event) {
    List<String> names = new ArrayList<>();
    event.fieldNames().forEachRemaining(names::add);
    return names.size() <= 10 ? names : names.subList(0, 10);
  }
}
