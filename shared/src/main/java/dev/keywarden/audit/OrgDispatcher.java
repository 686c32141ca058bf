package dev.keywarden.audit;

import dev.keywarden.checks.Owners;
import dev.keywarden.config.Settings;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The dispatching half of the Organization-wide audit, on its own so that the dispatcher function
 * carries only what listing accounts and queueing requests needs, and none of what auditing one
 * needs.
 *
 * <p>Each request carries the account's owner from its tags in Organizations: the dispatcher
 * already talks to Organizations, and the auditor then never has to.
 */
public final class OrgDispatcher {
  private static final Logger LOG = LogManager.getLogger(OrgDispatcher.class);

  private final AccountSelection selection;
  private final List<String> ownerTagKeys;
  private final AccountDirectory directory;
  private final RunRecords store;
  private final Clock clock;

  private OrgDispatcher(
      AccountSelection selection,
      List<String> ownerTagKeys,
      AccountDirectory directory,
      RunRecords store,
      Clock clock) {
    this.selection = Objects.requireNonNull(selection, "selection");
    this.ownerTagKeys = List.copyOf(ownerTagKeys);
    this.directory = Objects.requireNonNull(directory, "directory");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A dispatcher over the given ports.
   *
   * @param settings the selection comes from {@link Settings#org()}, the owner tag keys from {@link
   *     Settings#audit()}
   * @param directory lists the accounts and reads their tags
   * @param store where the run record goes
   * @param clock the run's time
   */
  public static OrgDispatcher create(
      Settings settings, AccountDirectory directory, RunRecords store, Clock clock) {
    return new OrgDispatcher(
        AccountSelection.of(settings.org()),
        settings.audit().ownerTagKeys(),
        directory,
        store,
        clock);
  }

  /**
   * Lists the selected active accounts, reads each one's owner tag, records the run, and sends one
   * request per account.
   *
   * @throws dev.keywarden.InvalidInputException when the run id is malformed
   */
  public DispatchResult dispatch(String runId, AuditRequestSink sink) {
    List<String> accountIds =
        directory.activeAccounts(selection).stream().map(MemberAccount::id).toList();
    // The requests are made without owners first, so that a malformed run id fails before any tag
    // is read.
    List<AuditRequest> unowned =
        accountIds.stream().map(id -> new AuditRequest(runId, id)).toList();
    List<AuditRequest> requests =
        unowned.stream()
            .map(r -> new AuditRequest(r.runId(), r.accountId(), owner(r.accountId())))
            .toList();
    store.putRun(runId, clock.instant(), accountIds);
    LOG.info(
        "runId={} dispatching {} accounts, {} with an owner tag",
        runId,
        accountIds.size(),
        requests.stream().filter(r -> r.accountOwner().isPresent()).count());
    if (!requests.isEmpty()) {
      sink.send(requests);
    }
    return new DispatchResult(runId, accountIds);
  }

  private Optional<String> owner(String accountId) {
    return Owners.accountOwner(directory.tags(accountId), ownerTagKeys);
  }
}
