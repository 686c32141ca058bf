package dev.keywarden.securityhub;

import dev.keywarden.KeywardenException;
import dev.keywarden.findings.FindingsExport;
import dev.keywarden.findings.StoredFinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Sends an account's findings to Security Hub, only those whose Security Hub form changed since
 * Security Hub last accepted them, in batches of at most 100.
 *
 * <p>A finding counts as sent only once Security Hub accepted it: its fingerprint is then recorded,
 * batch by batch. A finding in {@code FailedFindings} is tried again in the same run (up to
 * {@link #ATTEMPTS} times in all); one still refused, or any finding of a call that failed outright
 * (the SDK has already retried throttling and server errors), stays pending and goes with the next run.
 * So nothing is lost, and a run after a crash sends at most what was not yet recorded again, which
 * Security Hub takes as an update of the same finding id. A resolved finding Security Hub never held
 * is not sent at all.
 */
public final class SecurityHubExport implements FindingsExport {
  private static final Logger LOG = LogManager.getLogger(SecurityHubExport.class);
  /** Tries of one finding within one run. */
  static final int ATTEMPTS = 3;

  private final SecurityHubSettings product;
  private final FindingsImporter importer;
  private final ImportedFindings imported;
  private volatile Report last = new Report(0, 0, 0, 0, 0);

  private SecurityHubExport(SecurityHubSettings product, FindingsImporter importer, ImportedFindings imported) {
    this.product = Objects.requireNonNull(product, "product");
    this.importer = Objects.requireNonNull(importer, "importer");
    this.imported = Objects.requireNonNull(imported, "imported");
  }

  public static SecurityHubExport create(SecurityHubSettings product, FindingsImporter importer, ImportedFindings imported) {
    return new SecurityHubExport(product, importer, imported);
  }

  /**
   * What one export did.
   *
   * @param changed findings whose Security Hub form differed from the one it holds
   * @param sent findings Security Hub accepted
   * @param refused findings still refused after {@link #ATTEMPTS} tries
   * @param pending findings left for the next run (refused ones and those of a failed call)
   * @param calls {@code BatchImportFindings} calls made
   */
  public record Report(int changed, int sent, int refused, int pending, int calls) {}

  /** What the latest export did. */
  public Report lastReport() {
    return last;
  }

  @Override
  public void export(String accountId, Collection<StoredFinding> findings, Map<String, String> owners, Instant now) {
    last = send(accountId, findings, owners, now);
  }

  /** Sends what changed, and says what it did. */
  public Report send(String accountId, Collection<StoredFinding> findings, Map<String, String> owners, Instant now) {
    Map<String, String> loaded;
    try {
      loaded = imported.load(accountId);
    } catch (KeywardenException e) {
      LOG.warn("accountId={} Security Hub export skipped, what it last sent cannot be read; the next run sends it: {}",
          accountId, e.getMessage());
      return new Report(0, 0, 0, 0, 0);
    }
    Map<String, String> confirmed = loaded;
    List<Pending> pending = new ArrayList<>();
    for (StoredFinding f : findings.stream().sorted(Comparator.comparing(StoredFinding::key)).toList()) {
      AsffFinding asff = AsffMapper.map(f, Optional.ofNullable(owners.get(f.principal())), product, now);
      String fingerprint = asff.fingerprint();
      String before = confirmed.get(f.key());
      if (before == null ? AsffMapper.worthCreating(f.status()) : !before.equals(fingerprint)) {
        pending.add(new Pending(f.key(), asff, fingerprint));
      }
    }
    int changed = pending.size();
    int sent = 0;
    int calls = 0;
    Map<String, String> lastErrors = new LinkedHashMap<>();
    for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
      List<Pending> refused = new ArrayList<>();
      for (int from = 0; from < pending.size(); from += FindingsImporter.MAX_BATCH) {
        List<Pending> batch = pending.subList(from, Math.min(pending.size(), from + FindingsImporter.MAX_BATCH));
        Map<String, String> failed;
        try {
          calls++;
          failed = importer.importBatch(batch.stream().map(Pending::finding).toList());
        } catch (KeywardenException e) {
          int left = pending.size() - from + refused.size();
          LOG.warn("accountId={} Security Hub import failed; {} finding(s) stay pending for the next run: {}",
              accountId, left, e.getMessage());
          return new Report(changed, sent, 0, left, calls);
        }
        Map<String, String> accepted = new LinkedHashMap<>();
        for (Pending p : batch) {
          if (failed.containsKey(p.finding().id())) {
            refused.add(p);
            lastErrors.put(p.finding().id(), failed.get(p.finding().id()));
          } else {
            accepted.put(p.key(), p.fingerprint());
          }
        }
        try {
          if (!accepted.isEmpty()) {
            imported.record(accountId, accepted);
          }
        } catch (KeywardenException e) {
          LOG.warn("accountId={} {} finding(s) accepted by Security Hub but not recorded; the next run sends them again: {}",
              accountId, accepted.size(), e.getMessage());
        }
        sent += accepted.size();
      }
      pending = refused;
    }
    if (!pending.isEmpty()) {
      LOG.warn("accountId={} Security Hub refused {} finding(s) {} times; they stay pending for the next run: {}",
          accountId, pending.size(), ATTEMPTS,
          pending.stream().map(p -> p.finding().id() + ": " + lastErrors.get(p.finding().id())).toList());
    }
    return new Report(changed, sent, pending.size(), pending.size(), calls);
  }

  private record Pending(String key, AsffFinding finding, String fingerprint) {}
}
