package dev.keywarden.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One alert to the security team, shaped for each kind of SNS subscriber: e-mail and anything else
 * gets the readable text; the chat integration (Amazon Q Developer in chat applications, formerly
 * AWS Chatbot), which subscribes over HTTPS, and queue or function subscribers get its
 * custom-notification JSON, which chat renders as a titled message with the key lines and the next
 * steps.
 *
 * <p>Published with {@code MessageStructure=json}: the message is a JSON object with one string per
 * protocol and {@code default} for the rest.
 */
public final class AlertMessage {
  /** Protocols that receive the chat notification rather than the text. */
  public static final List<String> CHAT_PROTOCOLS = List.of("https", "lambda", "sqs");

  /** Lines of the text that chat shows; the rest is counted. */
  static final int CHAT_LINES = 25;

  static final int CHAT_LINE_CLIP = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertMessage() {}

  /**
   * The SNS message for an alert: {@code default} and {@code email} carry {@code body} unchanged,
   * the chat protocols {@link #chat}.
   */
  public static String structured(String subject, String body, Map<String, String> attributes) {
    ObjectNode message = JSON.createObjectNode();
    message.put("default", body);
    message.put("email", body);
    String chat = chat(subject, body, attributes);
    CHAT_PROTOCOLS.forEach(protocol -> message.put(protocol, chat));
    return message.toString();
  }

  /**
   * The custom-notification JSON of an alert (version 1.0, source custom, client-markdown text).
   */
  public static String chat(String subject, String body, Map<String, String> attributes) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    String kind = attributes.getOrDefault("kind", "alert");
    List<String> lines = body.lines().filter(l -> !l.isBlank()).toList();

    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    root.put("source", "custom");
    ObjectNode content = root.putObject("content");
    content.put("textType", "client-markdown");
    content.put("title", markdown(subject));
    content.put("description", description(lines));
    List<String> steps = nextSteps(kind, lines);
    if (!steps.isEmpty()) {
      ArrayNode next = content.putArray("nextSteps");
      steps.forEach(next::add);
    }
    ArrayNode keywords = content.putArray("keywords");
    keywords.add(kind);
    for (String key : List.of("accountId", "week")) {
      if (attributes.containsKey(key)) {
        keywords.add(attributes.get(key));
      }
    }
    ObjectNode metadata = root.putObject("metadata");
    metadata.put("eventType", kind);
    metadata.put("summary", markdown(subject));
    ObjectNode context = metadata.putObject("additionalContext");
    new TreeMap<>(attributes).forEach(context::put);
    return root.toString();
  }

  /** The key lines: the body's, in order, as a bulleted list where the body indents them. */
  private static String description(List<String> lines) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(CHAT_LINES, lines.size()); i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
      boolean item = line.startsWith(" ") || trimmed.startsWith("- ");
      String text = markdown(clip(trimmed.startsWith("- ") ? trimmed.substring(2) : trimmed));
      shown.add(item ? "• " + text : text);
    }
    if (lines.size() > CHAT_LINES) {
      shown.add("_and " + (lines.size() - CHAT_LINES) + " more lines in the e-mail_");
    }
    return String.join("\n", shown);
  }

  /** What to do next, by kind of alert, from the body's own lines. */
  static List<String> nextSteps(String kind, List<String> lines) {
    List<String> steps = new ArrayList<>();
    Optional<NoticeKind> known = NoticeKind.find(kind);
    if (known.isEmpty()) {
      return steps;
    }
    switch (known.get()) {
      case WEEKLY_DIGEST -> {
        lines.stream()
            .filter(l -> l.startsWith("Full report: "))
            .findFirst()
            .ifPresent(
                l ->
                    steps.add(
                        "Open the full report: "
                            + markdown(l.substring("Full report: ".length()))));
        if (lines.stream().anyMatch(l -> l.contains("NOT AUDITED"))) {
          steps.add(
              "For each account not audited, check that KeywardenAuditRole exists there and trusts the auditor"
                  + " with the ExternalId (docs/operations.md)");
        }
      }
      case DEACTIVATION_DEFERRED -> {
        if (!lines.isEmpty()) {
          steps.add(markdown(clip(lines.get(lines.size() - 1))));
        }
      }
      default -> {}
    }
    return steps;
  }

  /**
   * Text from people made inert in chat markdown: no link or mention ({@code <!channel>}) can be
   * smuggled in through a user name, reason or account name. Chat markdown has no escape for {@code
   * *}, {@code _} or {@code ~} (a backslash would show), so names such as {@code svc_payments} stay
   * as they are; at worst they change emphasis.
   */
  static String markdown(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.toString();
  }

  private static String clip(String line) {
    return line.length() <= CHAT_LINE_CLIP ? line : line.substring(0, CHAT_LINE_CLIP - 3) + "...";
  }
}
