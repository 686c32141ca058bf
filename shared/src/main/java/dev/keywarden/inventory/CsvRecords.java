package dev.keywarden.inventory;

import dev.keywarden.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records in one pass, remembering the line each record starts on.
 *
 * <p>Quoted fields may hold commas, doubled quotes and line breaks; records end with LF, CRLF or a
 * lone CR. Blank lines at the end are dropped. The parser, not this class, decides what a record
 * means.
 */
final class CsvRecords {
  /** One record and the 1-based line it starts on. */
  record Line(int number, List<String> fields) {}

  private final String text;
  private final String source;
  private int pos;
  private int line = 1;

  private CsvRecords(String text, String source) {
    this.text = text;
    this.source = source;
  }

  /** Reads every record of {@code text}; {@code source} names the text in error messages. */
  static List<Line> read(String text, String source) {
    return new CsvRecords(text, source).readAll();
  }

  /**
   * The records of {@code text} one at a time, as {@link #read} gives them, so that a large report
   * never holds every record's fields at once; blank lines at the end are dropped.
   */
  static java.util.Iterator<Line> stream(String text, String source) {
    CsvRecords records = new CsvRecords(text, source);
    return new java.util.Iterator<>() {
      private final StringBuilder field = new StringBuilder();
      private final java.util.ArrayDeque<Line> blanks = new java.util.ArrayDeque<>();
      private Line next = advance();

      private Line advance() {
        if (!blanks.isEmpty()) {
          return blanks.poll();
        }
        while (records.pos < records.text.length()) {
          Line line = records.readRecord(field);
          if (!isBlank(line)) {
            if (blanks.isEmpty()) {
              return line;
            }
            blanks.add(line);
            return blanks.poll();
          }
          blanks.add(line);
        }
        blanks.clear();
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Line next() {
        if (next == null) {
          throw new java.util.NoSuchElementException();
        }
        Line current = next;
        next = advance();
        return current;
      }
    };
  }

  private List<Line> readAll() {
    List<Line> lines = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (pos < text.length()) {
      lines.add(readRecord(field));
    }
    int end = lines.size();
    while (end > 0 && isBlank(lines.get(end - 1))) {
      end--;
    }
    return List.copyOf(lines.subList(0, end));
  }

  private static boolean isBlank(Line line) {
    return line.fields().size() == 1 && line.fields().get(0).isBlank();
  }

  private Line readRecord(StringBuilder field) {
    int start = line;
    List<String> fields = new ArrayList<>();
    while (true) {
      field.setLength(0);
      boolean quoted = pos < text.length() && text.charAt(pos) == '"';
      if (quoted) {
        readQuoted(field, start);
      } else {
        readPlain(field);
      }
      fields.add(field.toString());
      if (pos >= text.length()) {
        return new Line(start, fields);
      }
      char c = text.charAt(pos);
      if (c == ',') {
        pos++;
        continue;
      }
      if (c == '\r' || c == '\n') {
        consumeLineBreak();
        return new Line(start, fields);
      }
      throw new InvalidInputException(
          source
              + ": line "
              + line
              + ": unexpected '"
              + c
              + "' after a quoted field; a field that starts with a quote must end with one (write \"\" for a quote inside it)");
    }
  }

  private void readPlain(StringBuilder field) {
    int from = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ',' || c == '\r' || c == '\n') {
        break;
      }
      pos++;
    }
    field.append(text, from, pos);
  }

  private void readQuoted(StringBuilder field, int recordStart) {
    int openedOn = line;
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
          field.append('"');
          pos += 2;
          continue;
        }
        pos++;
        return;
      }
      if (c == '\r' || c == '\n') {
        int from = pos;
        consumeLineBreak();
        field.append(text, from, pos);
        continue;
      }
      field.append(c);
      pos++;
    }
    throw new InvalidInputException(
        source
            + ": line "
            + openedOn
            + ": a quoted field opened on this line is never closed"
            + (openedOn == recordStart ? "" : " (record starting on line " + recordStart + ")")
            + "; close it with a quote, and write \"\" for a quote inside it");
  }

  private void consumeLineBreak() {
    if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
      pos++;
    }
    pos++;
    line++;
  }
}
