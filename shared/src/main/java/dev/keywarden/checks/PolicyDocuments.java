package dev.keywarden.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Reads IAM policy JSON just far enough to tell whether it grants everything on everything. */
final class PolicyDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocuments() {}

  /**
   * Whether an Allow statement has Action {@code *} and Resource {@code *} (each a string or in a
   * list). {@code NotAction} never counts. A document that is empty or not JSON grants nothing that
   * can be shown, so it does not count either.
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

  /**
   * The service-wide wildcard actions ({@code s3:*}, {@code iam:*}) that Allow statements grant,
   * sorted. {@code *} alone is full administrator, judged elsewhere; {@code NotAction} is not read;
   * a document that is not JSON grants nothing that can be shown.
   */
  static List<String> serviceWildcards(String document) {
    TreeSet<String> found = new TreeSet<>();
    for (JsonNode statement : statements(document)) {
      if (!"Allow".equals(statement.path("Effect").asText())) {
        continue;
      }
      for (JsonNode action : items(statement.path("Action"))) {
        String value = action.asText();
        int colon = value.indexOf(':');
        if (colon > 0 && value.substring(colon + 1).equals("*")) {
          found.add(value);
        }
      }
    }
    return List.copyOf(found);
  }

  /**
   * Why a trust policy lets anyone assume the role, or empty: an Allow statement with no {@code
   * Condition} whose {@code Principal} is {@code *}, or whose {@code AWS} principal is {@code *} or
   * an ARN of account {@code *}. A statement with any condition is not judged open (the condition
   * may pin an external id, an Organization or a source account).
   */
  static Optional<String> openTrust(String document) {
    for (JsonNode statement : statements(document)) {
      if (!"Allow".equals(statement.path("Effect").asText()) || hasCondition(statement)) {
        continue;
      }
      JsonNode principal = statement.path("Principal");
      if (principal.isTextual() && "*".equals(principal.asText())) {
        return Optional.of("\"Principal\": \"*\" without a condition");
      }
      for (JsonNode aws : items(principal.path("AWS"))) {
        String value = aws.asText();
        if (value.equals("*")) {
          return Optional.of("\"AWS\": \"*\" without a condition");
        }
        if (value.startsWith("arn:")
            && value.split(":", -1).length > 4
            && value.split(":", -1)[4].equals("*")) {
          return Optional.of("\"AWS\": \"" + value + "\" (any account) without a condition");
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasCondition(JsonNode statement) {
    JsonNode condition = statement.path("Condition");
    return condition.isObject() && condition.size() > 0;
  }

  private static List<JsonNode> items(JsonNode node) {
    List<JsonNode> list = new ArrayList<>();
    if (node.isTextual()) {
      list.add(node);
    } else if (node.isArray()) {
      node.forEach(
          item -> {
            if (item.isTextual()) {
              list.add(item);
            }
          });
    }
    return list;
  }

  private static List<JsonNode> statements(String document) {
    List<JsonNode> list = new ArrayList<>();
    if (document == null || document.isBlank()) {
      return list;
    }
    JsonNode root;
    try {
      root = JSON.readTree(document);
    } catch (JsonProcessingException e) {
      return list;
    }
    JsonNode statements = root.path("Statement");
    if (statements.isObject()) {
      list.add(statements);
    } else if (statements.isArray()) {
      statements.forEach(list::add);
    }
    return list;
  }
}
