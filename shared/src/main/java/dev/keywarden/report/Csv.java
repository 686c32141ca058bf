package dev.keywarden.report;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV cells that a spreadsheet will show as text, never run as a formula. */
public final class Csv {
  private Csv() {}

  /** One CRLF-terminated row. */
  public static String row(List<String> cells) {
    return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  /**
   * Quotes a cell when it holds a separator, quote or line break, and defuses a leading {@code = +
   * - @}, tab or carriage return with an apostrophe (the OWASP advice against CSV injection), since
   * tag values and user names come from people.
   */
  public static String cell(String value) {
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
