package dev.keywarden.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One log event as one line of JSON: {@code timestamp} (UTC, milliseconds), {@code level}, {@code
 * logger}, {@code message}, the thread context's {@code runId}, {@code accountId}, {@code
 * messageId} and {@code requestId} where set, and for an event with an exception {@code
 * error.type}, {@code error.message} (where it has one) and {@code error.stack} (its printed stack
 * trace, causes included). A field without a value is left out, never written as null.
 */
final class JsonLine {
  /** The thread-context keys a line carries, in the order it writes them. */
  static final List<String> CONTEXT_KEYS = List.of("runId", "accountId", "messageId", "requestId");

  private JsonLine() {}

  /**
   * The line, ending in a newline.
   *
   * @param context the thread context's value of a key, or null
   */
  static String render(
      long epochMillis,
      String level,
      String logger,
      String message,
      UnaryOperator<String> context,
      Throwable error) {
    StringBuilder line = new StringBuilder(160 + message.length());
    line.append("{\"timestamp\":\"");
    timestamp(line, epochMillis);
    line.append('"');
    field(line, "level", level);
    field(line, "logger", logger);
    field(line, "message", message);
    for (String key : CONTEXT_KEYS) {
      String value = context.apply(key);
      if (value != null) {
        field(line, key, value);
      }
    }
    if (error != null) {
      field(line, "error.type", error.getClass().getName());
      if (error.getMessage() != null) {
        field(line, "error.message", error.getMessage());
      }
      StringWriter stack = new StringWriter();
      try (PrintWriter printer = new PrintWriter(stack)) {
        error.printStackTrace(printer);
      }
      field(line, "error.stack", stack.toString());
    }
    return line.append("}\n").toString();
  }

  private static void field(StringBuilder line, String name, String value) {
    line.append(",\"").append(name).append("\":\"");
    escape(line, value);
    line.append('"');
  }

  /**
   * Appends the value as the inside of a JSON string (RFC 8259): the quote, the backslash and every
   * control character escaped, everything else as it is.
   */
  static void escape(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append("\\u00").append(hex(c >> 4)).append(hex(c & 0xf));
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  private static char hex(int digit) {
    return (char) (digit < 10 ? '0' + digit : 'a' + digit - 10);
  }

  private static void timestamp(StringBuilder out, long epochMillis) {
    LocalDateTime time =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(epochMillis, 1000L),
            (int) Math.floorMod(epochMillis, 1000L) * 1_000_000,
            ZoneOffset.UTC);
    pad(out, time.getYear(), 4).append('-');
    pad(out, time.getMonthValue(), 2).append('-');
    pad(out, time.getDayOfMonth(), 2).append('T');
    pad(out, time.getHour(), 2).append(':');
    pad(out, time.getMinute(), 2).append(':');
    pad(out, time.getSecond(), 2).append('.');
    pad(out, time.getNano() / 1_000_000, 3).append('Z');
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }
}
