package dev.keywarden.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.InvalidInputException;
import dev.keywarden.checks.Owners;
import java.util.Objects;
import java.util.Optional;

/**
 * One account to audit in one run: what the dispatcher sends (as an SQS message body) and the
 * auditor receives.
 *
 * @param runId the run, shared by every account the dispatcher sent
 * @param accountId the 12-digit account id
 * @param accountOwner the owner named by the account's own tags in Organizations, which the
 *     dispatcher reads while it lists the accounts: the auditor's fallback owner for this account's
 *     users. Empty when the account has no such tag, and in requests from before the field existed.
 */
public record AuditRequest(String runId, String accountId, Optional<String> accountOwner) {
  /** Strict about what follows the object: a body with trailing text is not one request. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The longest address SMTP allows. */
  static final int MAX_OWNER_LENGTH = 254;

  public AuditRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(accountOwner, "accountOwner");
    if (!accountId.matches("\\d{12}")) {
      throw new InvalidInputException(
          "accountId must be a 12-digit AWS account id, got '" + clip(accountId) + "'");
    }
    if (runId.isBlank() || runId.length() > 128 || !runId.matches("[A-Za-z0-9._:@+=-]+")) {
      throw new InvalidInputException(
          "runId must be 1 to 128 letters, digits or ._:@+=-, got '" + clip(runId) + "'");
    }
    if (accountOwner.isPresent()
        && (accountOwner.get().length() > MAX_OWNER_LENGTH
            || !Owners.isAddress(accountOwner.get()))) {
      throw new InvalidInputException(
          "accountOwner must be an e-mail address of at most "
              + MAX_OWNER_LENGTH
              + " characters, got '"
              + clip(accountOwner.get())
              + "'");
    }
  }

  /** A request without an account owner. */
  public AuditRequest(String runId, String accountId) {
    this(runId, accountId, Optional.empty());
  }

  /**
   * {@code {"runId":"...","accountId":"..."}}, with {@code "accountOwner":"..."} when there is one.
   */
  public String toJson() {
    ObjectNode node = JSON.createObjectNode().put("runId", runId).put("accountId", accountId);
    accountOwner.ifPresent(owner -> node.put("accountOwner", owner));
    return node.toString();
  }

  /**
   * Reads a message body; {@code accountOwner} is optional, so bodies sent before it existed still
   * read.
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
      throw new InvalidInputException(
          "audit request must be a JSON object with runId and accountId, got: " + clip(body));
    }
    JsonNode owner = node.get("accountOwner");
    if (owner != null && !owner.isNull() && !owner.isTextual()) {
      throw new InvalidInputException(
          "audit request field 'accountOwner' must be text, got a JSON " + owner.getNodeType());
    }
    return new AuditRequest(
        text(node, "runId"),
        text(node, "accountId"),
        owner == null || owner.isNull() ? Optional.empty() : Optional.of(owner.asText()));
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
