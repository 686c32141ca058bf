package dev.keywarden.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.InvalidInputException;
import java.util.Objects;

/**
 * One account to audit in one run: what the dispatcher sends (as an SQS message body) and the auditor
 * receives.
 *
 * @param runId the run, shared by every account the dispatcher sent
 * @param accountId the 12-digit account id
 */
public record AuditRequest(String runId, String accountId) {
  /** Strict about what follows the object: a body with trailing text is not one request. */
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  public AuditRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(accountId, "accountId");
    if (!accountId.matches("\\d{12}")) {
      throw new InvalidInputException("accountId must be a 12-digit AWS account id, got '" + clip(accountId) + "'");
    }
    if (runId.isBlank() || runId.length() > 128 || !runId.matches("[A-Za-z0-9._:@+=-]+")) {
      throw new InvalidInputException("runId must be 1 to 128 letters, digits or ._:@+=-, got '" + clip(runId) + "'");
    }
  }

  /** {@code {"runId":"...","accountId":"..."}}. */
  public String toJson() {
    return JSON.createObjectNode().put("runId", runId).put("accountId", accountId).toString();
  }

  /**
   * Reads a message body.
   *
   * @throws InvalidInputException naming what is wrong: not JSON, not an object, a field missing or
   *     malformed
   */
  public static AuditRequest fromJson(String body) {
    JsonNode node;
    try {
      node = JSON.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("audit request is not JSON: " + clip(body));
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException("audit request must be a JSON object with runId and accountId, got: " + clip(body));
    }
    return new AuditRequest(text(node, "runId"), text(node, "accountId"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new InvalidInputException("audit request has no text field '" + field + "'");
    }
    return value.asText();
  }

  private static String clip(String text) {
    if (text == null) {
      return "(nothing)";
    }
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 80 ? printable : printable.substring(0, 77) + "...";
  }
}
