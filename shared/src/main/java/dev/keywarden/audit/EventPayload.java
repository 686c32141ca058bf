package dev.keywarden.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Lambda invocation payload read by the function itself rather than by the runtime client, so
 * that an empty, {@code null} or malformed payload gets one clear {@link InvalidInputException}
 * naming what the function expects and what arrived, instead of the runtime's "An error occurred
 * during JSON parsing".
 */
public final class EventPayload {
  /** What the dispatcher and the weekly report accept, for error messages. */
  public static final String SCHEDULED =
      "expected an EventBridge Scheduled Event (an object with an id and an ISO-8601"
          + " time, such as events/scheduled-daily.json)";

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventPayload() {}

  /**
   * The payload as a JSON object.
   *
   * @param expected what the function accepts, opening every error message
   * @throws InvalidInputException when the payload is empty, not JSON, or JSON but not an object
   */
  public static JsonNode object(InputStream input, String expected) throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(input);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          expected + ", got a payload that is not JSON: " + e.getOriginalMessage());
    }
    return object(node, expected);
  }

  /**
   * The node as a JSON object; the message names an empty payload, JSON null, or the node's type.
   */
  public static JsonNode object(JsonNode node, String expected) {
    if (node == null || node.isMissingNode()) {
      throw new InvalidInputException(expected + ", got an empty payload");
    }
    if (!node.isObject()) {
      throw new InvalidInputException(
          expected + ", got " + (node.isNull() ? "JSON null" : "a JSON " + type(node)));
    }
    return node;
  }

  /**
   * An EventBridge Scheduled Event: its id and its time.
   *
   * @param id the event id; empty when the event has none
   * @param time when the schedule fired
   */
  public record Scheduled(String id, Instant time) {
    public Scheduled {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(time, "time");
    }

    /** The run id of this event; a retry of the same event gets the same id. */
    public String runId() {
      return RunIds.of(time, id);
    }
  }

  /**
   * Reads a scheduled event from a payload.
   *
   * @throws InvalidInputException naming the field that is missing or of the wrong type, and its
   *     value
   */
  public static Scheduled scheduled(InputStream input) throws IOException {
    return scheduled(object(input, SCHEDULED));
  }

  /** Reads a scheduled event from a JSON node, as {@link #scheduled(InputStream)}. */
  public static Scheduled scheduled(JsonNode node) {
    JsonNode event = object(node, SCHEDULED);
    JsonNode time = event.get("time");
    if (time == null || time.isNull()) {
      throw new InvalidInputException(
          SCHEDULED + ", got an object without a time (fields " + fieldNames(event) + ")");
    }
    if (!time.isTextual()) {
      throw new InvalidInputException(
          "the Scheduled Event's time must be an ISO-8601 instant string such as"
              + " 2026-11-24T06:00:00Z, got a JSON "
              + type(time)
              + ": "
              + abbreviate(time.toString()));
    }
    Instant at;
    try {
      at = Instant.parse(time.asText());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "the Scheduled Event's time must be an ISO-8601 instant such as"
              + " 2026-11-24T06:00:00Z, got '"
              + abbreviate(time.asText())
              + "'");
    }
    JsonNode id = event.get("id");
    if (id != null && !id.isNull() && !id.isTextual()) {
      throw new InvalidInputException(
          "the Scheduled Event's id must be a string, got a JSON "
              + type(id)
              + ": "
              + abbreviate(id.toString()));
    }
    return new Scheduled(id == null || id.isNull() ? "" : id.asText(), at);
  }

  /** The first field names of an object, for messages. */
  public static List<String> fieldNames(JsonNode event) {
    List<String> names = new ArrayList<>();
    event.fieldNames().forEachRemaining(names::add);
    return names.size() <= 10 ? names : names.subList(0, 10);
  }

  private static String type(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String abbreviate(String value) {
    return value.length() <= 60 ? value : value.substring(0, 60) + "...";
  }
}
