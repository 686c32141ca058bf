package dev.keywarden.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.KeywardenException;
import dev.keywarden.checks.AuditFindings;
import dev.keywarden.checks.ExemptedFinding;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
  public static String json(AuditFindings result) {
    StringWriter text = new StringWriter();
    json(result, new PrintWriter(text));
    return text.toString();
  }

  /** {@link #json(AuditFindings)}, written to {@code out} one finding at a time. */
  public static void json(AuditFindings result, PrintWriter out) {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      json.writeStartObject();
      json.writeStringField("accountId", result.accountId());
      json.writeStringField("asOf", result.asOf().toString());
      json.writeArrayFieldStart("findings");
      for (Finding f : result.findings()) {
        json.writeTree(findingNode(f));
      }
      json.writeEndArray();
      json.writeArrayFieldStart("exempted");
      for (ExemptedFinding e : result.exempted()) {
        ObjectNode node = findingNode(e.finding());
        node.put("exemptUntil", e.until().toString());
        node.put("exemptReason", e.reason());
        json.writeTree(node);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("skipped");
      for (Map.Entry<String, String> skip : new TreeMap<>(result.skipped()).entrySet()) {
        json.writeStartObject();
        json.writeStringField("checkId", skip.getKey());
        json.writeStringField("reason", skip.getValue());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new KeywardenException("could not render the audit as JSON: " + e.getMessage(), e);
    }
    out.print("\n");
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
  public static String csv(AuditFindings result) {
    StringWriter text = new StringWriter();
    csv(result, new PrintWriter(text));
    return text.toString();
  }

  /** {@link #csv(AuditFindings)}, written to {@code out} one finding at a time. */
  public static void csv(AuditFindings result, PrintWriter out) {
    out.print("severity,checkId,accountId,principal,resourceId,title,message,deadline\r\n");
    for (Finding f : result.findings()) {
      out.print(
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
  }

  /** Findings grouped by severity, most urgent first, with a one-paragraph summary at the end. */
  public static String table(AuditFindings result, boolean colour) {
    return table(result, colour, true);
  }

  /**
   * Findings grouped by severity, most urgent first; with {@code framed}, a heading line first and
   * a one-paragraph summary at the end (without, what a quiet command prints).
   */
  public static String table(AuditFindings result, boolean colour, boolean framed) {
    StringWriter text = new StringWriter();
    table(result, colour, framed, new PrintWriter(text));
    return text.toString();
  }

  /**
   * {@link #table(AuditFindings, boolean, boolean)}, written to {@code out}: the findings are read
   * once for the column widths and counts, once more to print them.
   */
  public static void table(AuditFindings result, boolean colour, boolean framed, PrintWriter out) {
    if (framed) {
      out.print(
          "Keywarden audit of account " + result.accountId() + " as of " + result.asOf() + "\n");
    }
    Tally tally = Tally.of(result.findings());
    Severity heading = null;
    if (tally.grouped()) {
      for (Finding f : result.findings()) {
        if (f.severity() != heading) {
          heading(out, tally, f.severity(), colour, framed || heading != null);
          heading = f.severity();
        }
        line(out, tally, f);
      }
    } else {
      for (Severity severity : tally.counts().keySet()) {
        heading(out, tally, severity, colour, framed || heading != null);
        heading = severity;
        for (Finding f : result.findings()) {
          if (f.severity() == severity) {
            line(out, tally, f);
          }
        }
      }
    }
    if (framed) {
      out.print("\n" + summary(tally.counts(), count(result.exempted()), result.skipped()) + "\n");
    }
  }

  private static void heading(
      PrintWriter out, Tally tally, Severity severity, boolean colour, boolean apart) {
    String heading = severity.name() + " (" + tally.counts().get(severity) + ")";
    out.print((apart ? "\n" : "") + (colour ? paint(severity) + heading + RESET : heading) + "\n");
  }

  private static void line(PrintWriter out, Tally tally, Finding f) {
    out.print(
        "  "
            + pad(f.checkId(), tally.idWidth())
            + "  "
            + pad(clip(printable(f.principal()), tally.principalWidth()), tally.principalWidth())
            + "  "
            + printable(f.message())
            + "\n");
  }

  /**
   * What the table needs to know before printing a line: the findings by severity, the widest check
   * id and (up to 28 columns) principal, and whether the findings come grouped by severity, most
   * severe first, as an audit gives them (else each severity's are picked out in turn).
   */
  private record Tally(
      Map<Severity, Long> counts, int idWidth, int principalWidth, boolean grouped) {
    static Tally of(Iterable<Finding> findings) {
      Map<Severity, Long> counts = new EnumMap<>(Severity.class);
      int idWidth = 0;
      int principalWidth = 0;
      boolean grouped = true;
      Severity last = null;
      for (Finding f : findings) {
        counts.merge(f.severity(), 1L, Long::sum);
        idWidth = Math.max(idWidth, f.checkId().length());
        principalWidth = Math.max(principalWidth, Math.min(28, width(printable(f.principal()))));
        grouped &= last == null || last.compareTo(f.severity()) <= 0;
        last = f.severity();
      }
      return new Tally(counts, idWidth, principalWidth, grouped);
    }
  }

  private static long count(Iterable<?> items) {
    long n = 0;
    for (Object ignored : items) {
      n++;
    }
    return n;
  }

  /** The closing lines of the table: counts by severity, exemptions and skipped checks. */
  static String summary(AuditFindings result) {
    return summary(
        Tally.of(result.findings()).counts(), count(result.exempted()), result.skipped());
  }

  private static String summary(
      Map<Severity, Long> counts, long exempted, Map<String, String> skipped) {
    StringBuilder out = new StringBuilder();
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      out.append("No findings.");
    } else {
      out.append(total)
          .append(total == 1 ? " finding: " : " findings: ")
          .append(
              counts.entrySet().stream()
                  .map(e -> e.getValue() + " " + e.getKey().label())
                  .collect(Collectors.joining(", ")))
          .append(".");
    }
    if (exempted > 0) {
      out.append(" ").append(exempted).append(" exempted by a central grant.");
    }
    if (!skipped.isEmpty()) {
      out.append("\nSkipped checks:");
      new TreeMap<>(skipped)
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
