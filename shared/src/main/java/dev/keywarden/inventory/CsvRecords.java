package dev.keywarden.inventory;

import dev.keywarden.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Splits RFC 4180 text into records in one pass, remembering the line each record starts on.
 *
 * <p>Quoted fields may hold commas, doubled quotes and line breaks; records end with LF, CRLF or a
 * lone CR. Blank lines at the end are dropped. The parser, not this class, decides what a record
 * means. The text is read through a small buffer, so that a report of any size is never held whole.
 */
final class CsvRecords {
  /** One record and the 1-based line it starts on. */
  record Line(int number, List<String> fields) {}

  private static final int END = -1;

  private final Reader in;
  private final String source;
  private final char[] buffer = new char[1 << 16];
  private int pos;
  private int limit;
  private int line = 1;

  private CsvRecords(Reader in, String source) {
    this.in = in;
    this.source = source;
  }

  /** Reads every record of {@code text}; {@code source} names the text in error messages. */
  static List<Line> read(String text, String source) {
    List<Line> lines = new ArrayList<>();
    stream(text, source).forEachRemaining(lines::add);
    return List.copyOf(lines);
  }

  /** The records of {@code text} one at a time, as {@link #stream(Reader, String)} gives them. */
  static Iterator<Line> stream(String text, String source) {
    return stream(new StringReader(text), source);
  }

  /**
   * The records read from {@code in} one at a time, so that a large report never holds every
   * record's fields at once; blank lines at the end are dropped.
   *
   * @throws UncheckedIOException from {@code next} or {@code hasNext} when reading fails (a
   *     malformed-input exception when the text is not in the reader's charset)
   */
  static Iterator<Line> stream(Reader in, String source) {
    CsvRecords records = new CsvRecords(in, source);
    return new Iterator<>() {
      private final StringBuilder field = new StringBuilder();
      private final ArrayDeque<Line> blanks = new ArrayDeque<>();
      private Line next = advance();

      private Line advance() {
        if (!blanks.isEmpty()) {
          return blanks.poll();
        }
        while (records.peek() != END) {
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
          throw new NoSuchElementException();
        }
        Line current = next;
        next = advance();
        return current;
      }
    };
  }

  private static boolean isBlank(Line line) {
    return line.fields().size() == 1 && line.fields().get(0).isBlank();
  }

  /** The next character without taking it, or {@link #END}. */
  private int peek() {
    if (pos == limit && !fill()) {
      return END;
    }
    return buffer[pos];
  }

  private boolean fill() {
    try {
      int n;
      do {
        n = in.read(buffer, 0, buffer.length);
      } while (n == 0);
      if (n < 0) {
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Line readRecord(StringBuilder field) {
    int start = line;
    List<String> fields = new ArrayList<>();
    while (true) {
      field.setLength(0);
      if (peek() == '"') {
        readQuoted(field, start);
      } else {
        readPlain(field);
      }
      fields.add(field.toString());
      int c = peek();
      if (c == END) {
        return new Line(start, fields);
      }
      if (c == ',') {
        pos++;
        continue;
      }
      if (c == '\r' || c == '\n') {
        consumeLineBreak(null);
        return new Line(start, fields);
      }
      throw new InvalidInputException(
          source
              + ": line "
              + line
              + ": unexpected '"
              + (char) c
              + "' after a quoted field; a field that starts with a quote must end with one (write \"\" for a quote inside it)");
    }
  }

  private void readPlain(StringBuilder field) {
    while (peek() != END) {
      int from = pos;
      while (pos < limit) {
        char c = buffer[pos];
        if (c == ',' || c == '\r' || c == '\n') {
          field.append(buffer, from, pos - from);
          return;
        }
        pos++;
      }
      field.append(buffer, from, pos - from);
    }
  }

  private void readQuoted(StringBuilder field, int recordStart) {
    int openedOn = line;
    pos++;
    int c;
    while ((c = peek()) != END) {
      if (c == '"') {
        pos++;
        if (peek() == '"') {
          field.append('"');
          pos++;
          continue;
        }
        return;
      }
      if (c == '\r' || c == '\n') {
        consumeLineBreak(field);
        continue;
      }
      field.append((char) c);
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

  /** Takes one LF, CRLF or lone CR, appending it to {@code kept} when there is one. */
  private void consumeLineBreak(StringBuilder kept) {
    char c = buffer[pos++];
    if (kept != null) {
      kept.append(c);
    }
    if (c == '\r' && peek() == '\n') {
      pos++;
      if (kept != null) {
        kept.append('\n');
      }
    }
    line++;
  }
}
