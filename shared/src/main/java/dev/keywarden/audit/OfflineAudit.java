package dev.keywarden.audit;

import dev.keywarden.InvalidInputException;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.ChunkedAudit;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportParser;
import dev.keywarden.inventory.CredentialReportRow;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit of a saved credential report, with no AWS call: the report is read as a stream and its
 * users checked {@link #CHUNK} at a time, so that memory holds one chunk of rows, the users' names
 * (to refuse a user named twice) and a bounded share of the findings, whatever the report's size.
 */
public final class OfflineAudit {
  /** Users checked at a time. */
  static final int CHUNK = 1_000;

  private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::(\\d{12}):");
  private static final String UNKNOWN_ACCOUNT = "000000000000";

  private OfflineAudit() {}

  /**
   * Audits the report in {@code file} (strict UTF-8), naming the file in every failure.
   *
   * @param now when the report is read: an active key last rotated later is refused
   * @return the findings, to render and then close (closing deletes what went to disk)
   * @throws InvalidInputException when the file cannot be read or is not a usable report
   */
  public static ChunkedAudit run(Path file, AuditPolicy policy, Instant asOf, Instant now) {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(file + " is a directory, not a credential report file");
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return run(in, file.toString(), policy, asOf, now, CHUNK, new ChunkedAudit());
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + " does not exist");
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(file + " is not UTF-8 text: not a credential report");
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Audits the report read from {@code in}, {@code chunk} users at a time, into {@code audit}.
   *
   * @throws IOException when reading fails
   */
  static ChunkedAudit run(
      Reader in,
      String source,
      AuditPolicy policy,
      Instant asOf,
      Instant now,
      int chunk,
      ChunkedAudit audit)
      throws IOException {
    try {
      CredentialReportParser.Rows rows = CredentialReportParser.rows(in, source, now);
      List<CredentialReportRow> users = new ArrayList<>(chunk);
      Optional<CredentialReportRow> first = Optional.empty();
      while (rows.hasNext()) {
        CredentialReportRow row = rows.next();
        first = first.isPresent() ? first : Optional.of(row);
        users.add(row);
        if (users.size() == chunk) {
          audit.users(context(rows, users, Optional.empty(), first, policy, asOf, now));
          users.clear();
        }
      }
      if (!users.isEmpty()) {
        audit.users(context(rows, users, Optional.empty(), first, policy, asOf, now));
      }
      return audit.finish(context(rows, List.of(), rows.root(), first, policy, asOf, now));
    } catch (UncheckedIOException e) {
      audit.close();
      throw e.getCause();
    } catch (RuntimeException | Error e) {
      audit.close();
      throw e;
    }
  }

  /**
   * A context over some users (or the root row) of the report; the account is the root row's, or
   * the first user's, as far as the rows read so far tell.
   */
  private static CheckContext context(
      CredentialReportParser.Rows rows,
      List<CredentialReportRow> users,
      Optional<CredentialReportRow> root,
      Optional<CredentialReportRow> firstUser,
      AuditPolicy policy,
      Instant asOf,
      Instant now) {
    String account =
        rows.root()
            .or(() -> firstUser)
            .map(row -> ACCOUNT_IN_ARN.matcher(row.arn()))
            .filter(Matcher::find)
            .map(m -> m.group(1))
            .orElse(UNKNOWN_ACCOUNT);
    CredentialReport report = new CredentialReport(rows.columns(), users, root);
    return new CheckContext(AccountInventory.offline(account, now, report), policy, asOf);
  }
}
