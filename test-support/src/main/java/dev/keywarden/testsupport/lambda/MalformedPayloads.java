package dev.keywarden.testsupport.lambda;

import java.util.List;
import java.util.stream.Stream;

/**
 * Empty and malformed invocation payloads, each with a part of the message the function must answer
 * it with: every function is tested with the same table, by its unit tests and under the runtime
 * client.
 */
public final class MalformedPayloads {
  /**
   * One payload and what its error message must contain.
   *
   * @param name how a test names the case
   * @param payload the invocation payload, as sent
   * @param message a part of the expected message
   */
  public record Case(String name, String payload, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private MalformedPayloads() {}

  /** What no function accepts: nothing, JSON that is not an object, and text that is not JSON. */
  public static List<Case> anyFunction() {
    return List.of(
        new Case("empty", "", "got an empty payload"),
        new Case("blank", " \n ", "got an empty payload"),
        new Case("null", "null", "got JSON null"),
        new Case("array", "[]", "got a JSON array"),
        new Case("number", "42", "got a JSON number"),
        new Case("string", "\"Scheduled Event\"", "got a JSON string"),
        new Case("not JSON", "time: now", "not JSON"),
        new Case("truncated JSON", "{\"time\": ", "not JSON"));
  }

  /** What the dispatcher and the weekly report do not accept as an EventBridge Scheduled Event. */
  public static List<Case> scheduledFunction() {
    return Stream.concat(
            anyFunction().stream(),
            Stream.of(
                new Case("empty object", "{}", "got an object without a time"),
                new Case(
                    "time null",
                    "{\"id\": \"e-1\", \"time\": null}",
                    "got an object without a time"),
                new Case(
                    "time a number",
                    "{\"id\": \"e-1\", \"time\": 1764050400}",
                    "time must be an ISO-8601 instant string"),
                new Case(
                    "time an object",
                    "{\"id\": \"e-1\", \"time\": {}}",
                    "time must be an ISO-8601 instant string"),
                new Case(
                    "time not an instant",
                    "{\"id\": \"e-1\", \"time\": \"yesterday\"}",
                    "got 'yesterday'"),
                new Case(
                    "id a number",
                    "{\"id\": 7, \"time\": \"2026-11-24T06:00:00Z\"}",
                    "id must be a string")))
        .toList();
  }
}
