package dev.keywarden.audit;

import dev.keywarden.KeywardenException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Organization-wide run in one process: the dispatcher's requests go to a pool of threads
 * instead of a queue, and the caller waits for every account. {@code keywarden org-audit}, the demo
 * and the Organization benchmark run it.
 */
public final class InProcessOrgAudit {
  /** What a caller hears while the run goes on; calls may come from several threads. */
  public interface Listener {
    /** The dispatcher sent {@code accounts} more requests. */
    void expect(int accounts);

    /** One account's run ended. */
    void done(AccountAudit account);

    /** Every account's run ended. */
    void finish();

    /** Hears nothing. */
    static Listener silent() {
      return new Listener() {
        @Override
        public void expect(int accounts) {}

        @Override
        public void done(AccountAudit account) {}

        @Override
        public void finish() {}
      };
    }
  }

  private final OrgAuditor auditor;
  private final int threads;

  private InProcessOrgAudit(OrgAuditor auditor, int threads) {
    this.auditor = Objects.requireNonNull(auditor, "auditor");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
  }

  /** A run over {@code auditor} with {@code threads} accounts audited at once. */
  public static InProcessOrgAudit over(OrgAuditor auditor, int threads) {
    return new InProcessOrgAudit(auditor, threads);
  }

  /**
   * Dispatches run {@code runId} into the pool and waits for every account.
   *
   * @return one entry per dispatched account, by account id; an account whose run threw carries the
   *     error's message instead of an outcome
   * @throws KeywardenException when interrupted while waiting
   * @throws IllegalStateException when an account's task ended unexpectedly, or fewer accounts were
   *     audited than dispatched
   */
  public List<AccountAudit> run(String runId, Listener listener) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(listener, "listener");
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "org-audit");
              t.setDaemon(true);
              return t;
            });
    List<Future<AccountAudit>> running = new ArrayList<>();
    try {
      AuditRequestSink sink =
          requests -> {
            listener.expect(requests.size());
            for (AuditRequest request : requests) {
              running.add(
                  pool.submit(
                      () -> {
                        AccountAudit result = auditOne(request);
                        listener.done(result);
                        return result;
                      }));
            }
          };
      DispatchResult dispatched = auditor.dispatch(runId, sink);
      List<AccountAudit> results = new ArrayList<>();
      for (Future<AccountAudit> f : running) {
        results.add(f.get());
      }
      listener.finish();
      if (results.size() != dispatched.accountIds().size()) {
        throw new IllegalStateException(
            "dispatched "
                + dispatched.accountIds().size()
                + " accounts but audited "
                + results.size());
      }
      results.sort(Comparator.comparing(AccountAudit::accountId));
      return List.copyOf(results);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeywardenException("interrupted while auditing the Organization", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "an account's audit ended unexpectedly: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private AccountAudit auditOne(AuditRequest request) {
    try {
      return AccountAudit.audited(request.accountId(), auditor.audit(request));
    } catch (RuntimeException e) {
      return AccountAudit.failed(
          request.accountId(),
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }
}
