package dev.keywarden.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.KeywardenException;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.ExemptedFinding;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Renders one account's audit for people (a table) and for machines (JSON, CSV). */
public final class FindingsOutput {
  /** C0, DEL, C1 and the bidirectional embedding, override and isolate controls. */
  private static final Pattern UNPRINTABLE =
      Pattern.compile("[\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String RESET = "\u001b[0m";

  private FindingsOutput() {}

  /**
   * {@code {"accountId", "asOf", "findings": [...], "exempted": [...], "skipped": [...]}}; each
   * finding has checkId, severity, accountId, principal, resourceId, title, message and, for keys
   * with a deadline, deadline.
   */
  public static String json(AuditResult result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("accountId", result.accountId());
    root.put("asOf", result.asOf().toString());
    ArrayNode findings = root.putArray("findings");
    result.findings().forEach(f -> findings.add(findingNode(f)));
    ArrayNode exempted = root.putArray("exempted");
    for (ExemptedFinding e : result.exempted()) {
      ObjectNode node = findingNode(e.finding());
      node.put("exemptUntil", e.until().toString());
      node.put("exemptReason", e.reason());
      exempted.add(node);
    }
    ArrayNode skipped = root.putArray("skipped");
    new TreeMap<>(result.skipped())
        .forEach((id, reason) -> skipped.addObject().put("checkId", id).put("reason", reason));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new KeywardenException(
          "could not render the audit as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The documented fields of one finding; the stored-findings listing adds its history to these.
   */
  static ObjectNode findingNode(Finding f) {
    ObjectNode node = JSON.createObjectNode();
    node.put("checkId", f.checkId());
    node.put("severity", f.severity().name());
    node.put("accountId", f.accountId());
    node.put("principal", f.principal());
    node.put("resourceId", f.resourceId());
    node.put("title", f.title());
    node.put("message", f.message());
    f.deadline().ifPresent(d -> node.put("deadline", d.toString()));
    return node;
  }

  /** One header line, then one RFC 4180 line per open finding; safe to open in a spreadsheet. */
  public static String csv(AuditResult result) {
    StringBuilder out =
        new StringBuilder(
            "severity,checkId,accountId,principal,resourceId,title,message,deadline\r\n");
    for (Finding f : result.findings()) {
      out.append(
          Csv.row(
              List.of(
                  f.severity().name(),
                  f.checkId(),
                  f.accountId(),
                  f.principal(),
                  f.resourceId(),
                  f.title(),
                  f.message(),
                  f.deadline().map(Object::toString).orElse(""))));
    }
    return out.toString();
  }

  /** Findings grouped by severity, most urgent first, with a one-paragraph summary at the end. */
  public static String table(AuditResult result, boolean colour) {
    return table(result, colour, true);
  }

  /**
   * Findings grouped by severity, most urgent first; with {@code framed}, a heading line first and
   * a one-paragraph summary at the end (without, what a quiet command prints).
   */
  public static String table(AuditResult result, boolean colour, boolean framed) {
    StringBuilder out = new StringBuilder();
    if (framed) {
      out.append("Keywarden audit of account ")
          .append(result.accountId())
          .append(" as of ")
          .append(result.asOf())
          .append("\n");
    }
    Map<Severity, List<Finding>> bySeverity = new EnumMap<>(Severity.class);
    result
        .findings()
        .forEach(
            f -> bySeverity.computeIfAbsent(f.severity(), s -> new java.util.ArrayList<>()).add(f));
    int idWidth = result.findings().stream().mapToInt(f -> f.checkId().length()).max().orElse(0);
    int principalWidth =
        Math.min(
            28,
            result.findings().stream()
                .mapToInt(f -> width(printable(f.principal())))
                .max()
                .orElse(0));
    for (Map.Entry<Severity, List<Finding>> group : bySeverity.entrySet()) {
      String heading = group.getKey().name() + " (" + group.getValue().size() + ")";
      out.append(framed || out.length() > 0 ? "\n" : "")
          .append(colour ? paint(group.getKey()) + heading + RESET : heading)
          .append("\n");
      for (Finding f : group.getValue()) {
        out.append("  ")
            .append(pad(f.checkId(), idWidth))
            .append("  ")
            .append(pad(clip(printable(f.principal()), principalWidth), principalWidth))
            .append("  ")
            .append(printable(f.message()))
            .append("\n");
      }
    }
    if (framed) {
      out.append("\n").append(summary(result)).append("\n");
    }
    return out.toString();
  }

  /** The closing lines of the table: counts by severity, exemptions and skipped checks. */
  static String summary(AuditResult result) {
    StringBuilder out = new StringBuilder();
    int total = result.findings().size();
    if (total == 0) {
      out.append("No findings.");
    } else {
      Map<Severity, Long> counts =
          result.findings().stream()
              .collect(
                  Collectors.groupingBy(
                      Finding::severity,
                      () -> new EnumMap<>(Severity.class),
                      Collectors.counting()));
      out.append(total)
          .append(total == 1 ? " finding: " : " findings: ")
          .append(
              counts.entrySet().stream()
                  .map(e -> e.getValue() + " " + e.getKey().label())
                  .collect(Collectors.joining(", ")))
          .append(".");
    }
    if (!result.exempted().isEmpty()) {
      out.append(" ").append(result.exempted().size()).append(" exempted by a central grant.");
    }
    if (!result.skipped().isEmpty()) {
      out.append("\nSkipped checks:");
      new TreeMap<>(result.skipped())
          .forEach((id, reason) -> out.append("\n  ").append(id).append(": ").append(reason));
    }
    return out.toString();
  }

  private static String paint(Severity severity) {
    return switch (severity) {
      case CRITICAL -> "\u001b[1;31m";
      case HIGH -> "\u001b[31m";
      case MEDIUM -> "\u001b[33m";
      case LOW -> "\u001b[36m";
      case INFO -> "\u001b[2m";
    };
  }

  /**
   * Control characters from a report or a tag never reach the terminal as such: C0 and C1 controls
   * (U+009B is a one-character escape sequence to some terminals) and the bidirectional overrides
   * that make text read differently from what it is.
   */
  public static String printable(String text) {
    return UNPRINTABLE.matcher(text).replaceAll("?");
  }

  /** Clips to {@code width} terminal columns, never inside a character. */
  static String clip(String text, int width) {
    if (width(text) <= width) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int w = width(cp);
      if (used + w > width - 1) {
        break;
      }
      out.appendCodePoint(cp);
      used += w;
      i += Character.charCount(cp);
    }
    return out.append('~').toString();
  }

  /** Pads to {@code width} terminal columns: by what a terminal shows, not by UTF-16 units. */
  static String pad(String text, int width) {
    int missing = Math.max(1, width) - width(text);
    return missing <= 0 ? text : text + " ".repeat(missing);
  }

  /** Terminal columns: combining marks take none, East Asian wide and full-width characters two. */
  static int width(String text) {
    return text.codePoints().map(FindingsOutput::width).sum();
  }

  private static int width(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT
        || cp == 0x200B) {
      return 0;
    }
    boolean wide =
        (cp >= 0x1100 && cp <= 0x115F)
            || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
            || (cp >= 0xAC00 && cp <= 0xD7A3)
            || (cp >= 0xF900 && cp <= 0xFAFF)
            || (cp >= 0xFE30 && cp <= 0xFE4F)
            || (cp >= 0xFF00 && cp <= 0xFF60)
            || (cp >= 0xFFE0 && cp <= 0xFFE6)
            || (cp >= 0x1F300 && cp <= 0x1FAFF)
            || (cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? 2 : 1;
  }
}
