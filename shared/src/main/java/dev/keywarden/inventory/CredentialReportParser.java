package dev.keywarden.inventory;

import dev.keywarden.InvalidInputException;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the IAM credential report's CSV by column name, so that IAM adding, dropping or reordering
 * columns neither breaks the audit nor shifts values into the wrong field.
 */
public final class CredentialReportParser {
  /** Values IAM writes where a date is unknown or does not apply. */
  private static final Set<String> NOT_A_DATE =
      Set.of("", "N/A", "not_supported", "no_information");

  private CredentialReportParser() {}

  /**
   * Parses a credential report.
   *
   * @param content the report's CSV text
   * @param source what to call the report in error messages (a file path, or "credential report")
   * @throws InvalidInputException naming the source, line and column when the text is not a usable
   *     credential report
   */
  public static CredentialReport parse(String content, String source) {
    return parse(content, source, Optional.empty());
  }

  /**
   * Parses a credential report read at {@code now}: an active key whose last rotation is later (in
   * the future) cannot be judged and is refused, naming line and column.
   */
  public static CredentialReport parse(String content, String source, Instant now) {
    return parse(content, source, Optional.of(now));
  }

  private static CredentialReport parse(String content, String source, Optional<Instant> asOf) {
    Rows rows = new Rows(new StringReader(content), source, asOf);
    List<CredentialReportRow> users = new ArrayList<>();
    rows.forEachRemaining(users::add);
    return new CredentialReport(rows.columns(), users, rows.root());
  }

  /**
   * The users' rows of a credential report read from {@code in}, one at a time, refused as {@link
   * #parse} refuses them, so that a report of any size is read in bounded memory: only each user's
   * name and line are kept, to refuse a user named twice.
   *
   * @param in the report's text; a malformed-input exception from it surfaces as an {@link
   *     UncheckedIOException}, as does any other read failure
   * @param source what to call the report in error messages
   * @param now when the report is read: an active key last rotated later is refused
   * @throws InvalidInputException naming the source, line and column, here for the header and from
   *     {@code next} or {@code hasNext} for a row
   */
  public static Rows rows(Reader in, String source, Instant now) {
    return new Rows(in, source, Optional.of(now));
  }

  /**
   * A report's users' rows in report order; the root row, wherever it stands, is set aside for
   * {@link #root} once the rows are read.
   */
  public static final class Rows implements Iterator<CredentialReportRow> {
    private final String source;
    private final Optional<Instant> asOf;
    private final Iterator<CsvRecords.Line> lines;
    private final Header header;
    private final Map<String, Integer> userLines = new HashMap<>();
    private CredentialReportRow root;
    private CredentialReportRow next;

    private Rows(Reader in, String source, Optional<Instant> asOf) {
      this.source = source;
      this.asOf = asOf;
      this.lines = CsvRecords.stream(withoutBom(in), source);
      if (!lines.hasNext()) {
        throw new InvalidInputException(source + " is empty: not a credential report");
      }
      this.header = Header.of(lines.next(), source);
      this.next = advance();
    }

    /** The known columns the header carries; checks needing others are skipped. */
    public Set<ReportColumn> columns() {
      return header.present();
    }

    /**
     * The root row, if the rows read so far held it (all of them once {@link #hasNext} is false).
     */
    public Optional<CredentialReportRow> root() {
      return Optional.ofNullable(root);
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public CredentialReportRow next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      CredentialReportRow current = next;
      next = advance();
      return current;
    }

    private CredentialReportRow advance() {
      while (lines.hasNext()) {
        CredentialReportRow row = new RowReader(header, lines.next(), source, asOf).read();
        if (!row.isRoot()) {
          remember(row);
          return row;
        }
        if (root != null) {
          throw new InvalidInputException(
              source
                  + ": line "
                  + row.lineNumber()
                  + ": a second "
                  + CredentialReportRow.ROOT
                  + " row (the first is on line "
                  + root.lineNumber()
                  + "); a credential report has one root row");
        }
        root = row;
      }
      return null;
    }

    private void remember(CredentialReportRow row) {
      Integer first = userLines.putIfAbsent(row.user(), row.lineNumber());
      if (first != null) {
        throw new InvalidInputException(
            source
                + ": lines "
                + first
                + " and "
                + row.lineNumber()
                + " are both user '"
                + RowReader.shown(row.user())
                + "'; a credential report has one row per user, so its findings would"
                + " contradict each other: use the report as IAM wrote it");
      }
    }

    /** The text after a byte order mark, if it starts with one. */
    private static Reader withoutBom(Reader in) {
      PushbackReader reader = new PushbackReader(in);
      try {
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
          reader.unread(first);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return reader;
    }
  }

  /** The header's known columns and where they are. */
  private record Header(Map<ReportColumn, Integer> index, int width) {
    static Header of(CsvRecords.Line line, String source) {
      Map<String, ReportColumn> byName = new HashMap<>();
      for (ReportColumn column : ReportColumn.values()) {
        byName.put(column.header(), column);
      }
      Map<ReportColumn, Integer> index = new EnumMap<>(ReportColumn.class);
      List<String> names = line.fields();
      for (int i = 0; i < names.size(); i++) {
        ReportColumn column = byName.get(names.get(i).trim());
        if (column == null) {
          continue;
        }
        Integer earlier = index.putIfAbsent(column, i);
        if (earlier != null) {
          throw new InvalidInputException(
              source
                  + ": line "
                  + line.number()
                  + ": the header names column '"
                  + column.header()
                  + "' twice (columns "
                  + (earlier + 1)
                  + " and "
                  + (i + 1)
                  + "); keep one");
        }
      }
      for (ReportColumn column : ReportColumn.values()) {
        if (column.required() && !index.containsKey(column)) {
          throw new InvalidInputException(
              source
                  + " is not an IAM credential report: its header has no '"
                  + column.header()
                  + "' column");
        }
      }
      return new Header(index, names.size());
    }

    Set<ReportColumn> present() {
      return index.isEmpty() ? Set.of() : EnumSet.copyOf(index.keySet());
    }
  }

  /** Turns one record into a typed row, naming line and column in every error. */
  private static final class RowReader {
    private final Header header;
    private final CsvRecords.Line line;
    private final String source;
    private final Optional<Instant> asOf;

    RowReader(Header header, CsvRecords.Line line, String source, Optional<Instant> asOf) {
      this.header = header;
      this.line = line;
      this.source = source;
      this.asOf = asOf;
    }

    /**
     * An active key's slot, whose last rotation must be a date (and, with an as-of, not after it):
     * otherwise its age cannot be judged and a silent pass would be a wrong verdict.
     */
    private AccessKeySlot slot(
        int slot, ReportColumn active, ReportColumn rotated, ReportColumn used) {
      boolean isActive = bool(active);
      Optional<Instant> lastRotated = date(rotated);
      if (isActive && header.index().containsKey(rotated)) {
        if (lastRotated.isEmpty()) {
          throw error(
              rotated,
              "access key "
                  + slot
                  + " is active but its last rotation is '"
                  + shown(raw(rotated).trim())
                  + "', not a date, so its age cannot be judged; use the report as IAM wrote it");
        }
        if (asOf.isPresent() && lastRotated.get().isAfter(asOf.get())) {
          throw error(
              rotated,
              "access key "
                  + slot
                  + " was last rotated at "
                  + lastRotated.get()
                  + ", in the future"
                  + " (it is now "
                  + asOf.get()
                  + "), so its age cannot be judged; use the report as IAM wrote it");
        }
      }
      return new AccessKeySlot(slot, isActive, lastRotated, date(used));
    }

    CredentialReportRow read() {
      if (line.fields().size() != header.width()) {
        throw new InvalidInputException(
            source
                + ": line "
                + line.number()
                + " has "
                + line.fields().size()
                + " fields but the header has "
                + header.width()
                + "; every row needs one value per header column"
                + " (quote values that contain commas)");
      }
      String user = text(ReportColumn.USER);
      if (user.isEmpty()) {
        throw error(ReportColumn.USER, "the user name is empty; every row names its user");
      }
      String arn = text(ReportColumn.ARN);
      return new CredentialReportRow(
          user,
          arn,
          line.number(),
          date(ReportColumn.USER_CREATION_TIME),
          passwordEnabled(),
          date(ReportColumn.PASSWORD_LAST_USED),
          date(ReportColumn.PASSWORD_LAST_CHANGED),
          bool(ReportColumn.MFA_ACTIVE),
          List.of(
              slot(
                  1,
                  ReportColumn.ACCESS_KEY_1_ACTIVE,
                  ReportColumn.ACCESS_KEY_1_LAST_ROTATED,
                  ReportColumn.ACCESS_KEY_1_LAST_USED_DATE),
              slot(
                  2,
                  ReportColumn.ACCESS_KEY_2_ACTIVE,
                  ReportColumn.ACCESS_KEY_2_LAST_ROTATED,
                  ReportColumn.ACCESS_KEY_2_LAST_USED_DATE)),
          certificates());
    }

    /** The signing-certificate slots the report has columns for. */
    private List<CertificateSlot> certificates() {
      List<CertificateSlot> slots = new ArrayList<>(2);
      if (header.index().containsKey(ReportColumn.CERT_1_ACTIVE)) {
        slots.add(
            new CertificateSlot(
                1, bool(ReportColumn.CERT_1_ACTIVE), date(ReportColumn.CERT_1_LAST_ROTATED)));
      }
      if (header.index().containsKey(ReportColumn.CERT_2_ACTIVE)) {
        slots.add(
            new CertificateSlot(
                2, bool(ReportColumn.CERT_2_ACTIVE), date(ReportColumn.CERT_2_LAST_ROTATED)));
      }
      return slots;
    }

    /** The raw value, or null when the report has no such column. */
    private String raw(ReportColumn column) {
      Integer i = header.index().get(column);
      return i == null ? null : line.fields().get(i);
    }

    private String text(ReportColumn column) {
      String value = raw(column);
      return value == null ? "" : value.trim();
    }

    private Optional<Instant> date(ReportColumn column) {
      String value = raw(column);
      if (value == null || NOT_A_DATE.contains(value.trim())) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            OffsetDateTime.parse(value.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
      } catch (DateTimeParseException e) {
        throw error(
            column,
            "'"
                + shown(value)
                + "' is not a date (expected ISO-8601 such as 2024-05-01T12:00:00+00:00)");
      }
    }

    private boolean passwordEnabled() {
      return "not_supported".equals(text(ReportColumn.PASSWORD_ENABLED))
          ? false
          : bool(ReportColumn.PASSWORD_ENABLED);
    }

    private boolean bool(ReportColumn column) {
      String value = raw(column);
      if (value == null) {
        return false;
      }
      return switch (value.trim()) {
        case "true" -> true;
        case "false" -> false;
        default ->
            throw error(column, "'" + shown(value) + "' is not a boolean (expected true or false)");
      };
    }

    /**
     * A field as an error message may show it: no control characters (log lines stay lines), at
     * most 80 characters.
     */
    static String shown(String value) {
      String printable = value.replaceAll("[\\x00-\\x1f\\x7f-\\x9f]", "?");
      return printable.length() <= 80 ? printable : printable.substring(0, 77) + "...";
    }

    private InvalidInputException error(ReportColumn column, String what) {
      int number = header.index().get(column) + 1;
      return new InvalidInputException(
          source
              + ": line "
              + line.number()
              + ", column "
              + number
              + " ("
              + column.header()
              + "): "
              + what);
    }
  }
}
