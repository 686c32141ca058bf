package dev.keywarden.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads IAM policy JSON just far enough to tell whether it grants everything on everything. */
final class PolicyDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocuments() {}

  /**
   * Whether an Allow statement has Action {@code *} and Resource {@code *} (each a string or in a
   * list). {@code NotAction} never counts. A document that is empty or not JSON grants nothing
   * that can be shown, so it does not count either.
   */
  static boolean grantsFullAdmin(String document) {
    if (document.isBlank()) {
      return false;
    }
    JsonNode root;
    try {
      root = JSON.readTree(document);
    } catch (JsonProcessingException e) {
      return false;
    }
    JsonNode statements = root.path("Statement");
    if (statements.isObject()) {
      return fullAdmin(statements);
    }
    for (JsonNode statement : statements) {
      if (fullAdmin(statement)) {
        return true;
      }
    }
    return false;
  }

  private static boolean fullAdmin(JsonNode statement) {
    return "Allow".equals(statement.path("Effect").asText())
        && star(statement.path("Action"))
        && star(statement.path("Resource"));
  }

  private static boolean star(JsonNode node) {
    if (node.isTextual()) {
      return "*".equals(node.asText());
    }
    if (!node.isArray()) {
      return false;
    }
    for (JsonNode item : node) {
      if (item.isTextual() && "*".equals(item.asText())) {
        return true;
      }
    }
    return false;
  }
}
