package dev.keywarden.checks;

import dev.keywarden.inventory.AccountInventory;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The catalogue run over an account whose credential report is too large to hold whole, with the
 * result {@link CheckRunner#run} would give on the whole report: the checks that judge each user
 * row alone ({@link CheckTrait#USER_ROWS}) run over the users a chunk at a time, the others once
 * over the account, and the findings are sorted in bounded memory (on disk past {@link #HELD}).
 *
 * <p>Only an inventory that is the credential report alone (an offline audit: no authorization
 * details, no IAM surface) can be split so: with them, checks compare the report's users with
 * IAM's. A check that skips on one chunk (a row it cannot judge) is skipped, for the first chunk's
 * reason, and its findings on other chunks are dropped, as the whole report would have it. The
 * chunks may be audited before the account is known (the root row may come last): every finding is
 * of the account given to {@link #finish}.
 */
public final class ChunkedAudit implements AuditFindings, AutoCloseable {
  /** Findings held in memory before they are sorted onto disk. */
  static final int HELD = 20_000;

  private static final List<Check> USER_ROW_CHECKS =
      CheckCatalog.all().stream().filter(c -> c.metadata().has(CheckTrait.USER_ROWS)).toList();
  private static final List<Check> ACCOUNT_CHECKS =
      CheckCatalog.all().stream().filter(c -> !c.metadata().has(CheckTrait.USER_ROWS)).toList();

  private final Spill<Finding> open;
  private final Spill<ExemptedFinding> exempted;
  private final Map<String, String> skipped = new LinkedHashMap<>();
  private boolean usersChecked;
  private String accountId;
  private Instant asOf;

  public ChunkedAudit() {
    this(HELD);
  }

  /** An audit holding at most {@code held} findings in memory (tests take a few, to spill). */
  public ChunkedAudit(int held) {
    this.open = new Spill<>(CheckRunner.ORDER, new FindingCodec(), held);
    this.exempted = new Spill<>(CheckRunner.EXEMPTED_ORDER, new ExemptedCodec(), held);
  }

  /**
   * Runs the user-row checks over the users of the chunk's credential report (its root row, if any,
   * is not read here).
   *
   * @throws IllegalArgumentException when the inventory is more than the credential report
   */
  public void users(CheckContext chunk) {
    if (accountId != null) {
      throw new IllegalStateException("the audit is finished; no more users can be checked");
    }
    requireReportAlone(chunk.inventory());
    List<Check> checks =
        USER_ROW_CHECKS.stream().filter(c -> !skipped.containsKey(c.metadata().id())).toList();
    CheckRunner.evaluate(chunk, checks, skipped, open::add, exempted::add);
    usersChecked = true;
  }

  /**
   * Runs the account's checks once, over a credential report holding the root row (if the report
   * had one) and no user, and makes the findings readable.
   *
   * @return this audit, to render; closing it deletes what went to disk
   */
  public ChunkedAudit finish(CheckContext account) {
    requireReportAlone(account.inventory());
    if (!account.inventory().credentialReport().users().isEmpty()) {
      throw new IllegalArgumentException(
          "the account's report holds no user rows: they go through users(...)");
    }
    if (!usersChecked) {
      users(account);
    }
    CheckRunner.evaluate(account, ACCOUNT_CHECKS, skipped, open::add, exempted::add);
    accountId = account.accountId();
    asOf = account.asOf();
    return this;
  }

  @Override
  public String accountId() {
    return finished().accountId;
  }

  @Override
  public Instant asOf() {
    return finished().asOf;
  }

  @Override
  public Iterable<Finding> findings() {
    Set<String> dropped = finished().skipped.keySet();
    String account = accountId;
    return () -> kept(open.sorted().iterator(), f -> f, dropped, f -> ofAccount(f, account));
  }

  @Override
  public Iterable<ExemptedFinding> exempted() {
    Set<String> dropped = finished().skipped.keySet();
    String account = accountId;
    return () ->
        kept(
            exempted.sorted().iterator(),
            ExemptedFinding::finding,
            dropped,
            e -> new ExemptedFinding(ofAccount(e.finding(), account), e.until(), e.reason()));
  }

  @Override
  public Map<String, String> skipped() {
    return Map.copyOf(finished().skipped);
  }

  /** Deletes the findings written to disk. */
  @Override
  public void close() {
    open.close();
    exempted.close();
  }

  private ChunkedAudit finished() {
    if (accountId == null) {
      throw new IllegalStateException("the audit is not finished: call finish(...) first");
    }
    return this;
  }

  private static void requireReportAlone(AccountInventory inventory) {
    if (inventory.authorization().isPresent() || inventory.surface().isPresent()) {
      throw new IllegalArgumentException(
          "only an inventory of the credential report alone can be audited in chunks: with IAM's"
              + " users and surface, checks compare the report's users with them");
    }
  }

  private static Finding ofAccount(Finding f, String account) {
    return f.accountId().equals(account)
        ? f
        : new Finding(
            f.checkId(),
            f.severity(),
            account,
            f.principal(),
            f.resourceId(),
            f.title(),
            f.message(),
            f.deadline());
  }

  /** The items whose check was not skipped, each passed through {@code then}. */
  private static <T> Iterator<T> kept(
      Iterator<T> items, Function<T, Finding> finding, Set<String> dropped, Function<T, T> then) {
    return new Iterator<>() {
      private T next = advance();

      private T advance() {
        while (items.hasNext()) {
          T item = items.next();
          if (!dropped.contains(finding.apply(item).checkId())) {
            return then.apply(item);
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public T next() {
        if (next == null) {
          throw new java.util.NoSuchElementException();
        }
        T current = next;
        next = advance();
        return current;
      }
    };
  }

  /** A finding's every field, as the spill writes it. */
  private static final class FindingCodec implements Spill.Codec<Finding> {
    private static final Severity[] SEVERITIES = Severity.values();

    @Override
    public void write(DataOutputStream out, Finding f) throws IOException {
      Spill.writeString(out, f.checkId());
      out.writeByte(f.severity().ordinal());
      Spill.writeString(out, f.accountId());
      Spill.writeString(out, f.principal());
      Spill.writeString(out, f.resourceId());
      Spill.writeString(out, f.title());
      Spill.writeString(out, f.message());
      out.writeBoolean(f.deadline().isPresent());
      if (f.deadline().isPresent()) {
        out.writeLong(f.deadline().get().getEpochSecond());
        out.writeInt(f.deadline().get().getNano());
      }
    }

    @Override
    public Finding read(DataInputStream in) throws IOException {
      String checkId = Spill.readString(in);
      Severity severity = SEVERITIES[in.readByte()];
      String account = Spill.readString(in);
      String principal = Spill.readString(in);
      String resourceId = Spill.readString(in);
      String title = Spill.readString(in);
      String message = Spill.readString(in);
      Optional<Instant> deadline =
          in.readBoolean()
              ? Optional.of(Instant.ofEpochSecond(in.readLong(), in.readInt()))
              : Optional.empty();
      return new Finding(
          checkId, severity, account, principal, resourceId, title, message, deadline);
    }
  }

  /** An exempted finding: the finding, then the exemption's last day and reason. */
  private static final class ExemptedCodec implements Spill.Codec<ExemptedFinding> {
    private final FindingCodec findings = new FindingCodec();

    @Override
    public void write(DataOutputStream out, ExemptedFinding e) throws IOException {
      findings.write(out, e.finding());
      out.writeLong(e.until().toEpochDay());
      Spill.writeString(out, e.reason());
    }

    @Override
    public ExemptedFinding read(DataInputStream in) throws IOException {
      Finding finding = findings.read(in);
      LocalDate until = LocalDate.ofEpochDay(in.readLong());
      return new ExemptedFinding(finding, until, Spill.readString(in));
    }
  }
}
