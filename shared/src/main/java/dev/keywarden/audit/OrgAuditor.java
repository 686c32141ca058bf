package dev.keywarden.audit;

import dev.keywarden.KeywardenException;
import dev.keywarden.config.Settings;
import dev.keywarden.inventory.AccountInventory;
import java.time.Clock;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The Organization-wide audit that the scheduled functions and {@code keywarden org-audit} share:
 * the dispatcher lists the accounts and sends one request each, the auditor enters one account and
 * runs its loop. An account that cannot be entered or read is recorded as not audited, and the
 * others go on.
 *
 * <p>It depends only on ports, so every decision here is unit-tested; {@code aws.OrgAuditors} wires
 * it to Organizations, STS, DynamoDB, SNS and SQS.
 */
public final class OrgAuditor {
  private static final Logger LOG = LogManager.getLogger(OrgAuditor.class);

  private final OrgDispatcher dispatcher;
  private final MemberAccess members;
  private final AccountRun central;

  private OrgAuditor(OrgDispatcher dispatcher, MemberAccess members, AccountRun central) {
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    this.members = Objects.requireNonNull(members, "members");
    this.central = Objects.requireNonNull(central, "central");
  }

  /**
   * An auditor over the given ports.
   *
   * @param settings the selection comes from {@link Settings#org()}
   * @param directory lists the accounts and reads their owner tags
   * @param store where the run record goes
   * @param members enters accounts
   * @param central an account run on the central side only, used to record accounts not audited
   * @param clock the run's time
   */
  public static OrgAuditor create(
      Settings settings,
      AccountDirectory directory,
      RunRecords store,
      MemberAccess members,
      AccountRun central,
      Clock clock) {
    return new OrgAuditor(
        OrgDispatcher.create(settings, directory, store, clock), members, central);
  }

  /** As {@link OrgDispatcher#dispatch}: the command dispatches and audits in one process. */
  public DispatchResult dispatch(String runId, AuditRequestSink sink) {
    return dispatcher.dispatch(runId, sink);
  }

  /**
   * Audits one account to the end: enters it, reads its inventory and runs its loop. When it cannot
   * be entered or read, records {@code account-not-audited} with the reason instead.
   */
  public RunOutcome audit(AuditRequest request) {
    return audit(request, Deadline.none());
  }

  /**
   * Audits one account as {@link #audit(AuditRequest)} does, within a deadline: an account reached
   * after it is not entered, and a run that reaches it stops between steps; either way the outcome
   * is {@link RunOutcome.Status#INCOMPLETE} and the next run of the account does what is left.
   */
  public RunOutcome audit(AuditRequest request, Deadline deadline) {
    String accountId = request.accountId();
    String runId = request.runId();
    if (deadline.reached()) {
      LOG.warn("runId={} accountId={} not started: {}", runId, accountId, deadline);
      return RunOutcome.untouched(accountId, runId, RunOutcome.Status.INCOMPLETE);
    }
    MemberAccess.Session session;
    try {
      session = members.open(accountId, runId);
    } catch (KeywardenException e) {
      return central.notAudited(
          accountId, runId, "the audit role could not be assumed: " + e.getMessage());
    }
    try (session) {
      AccountInventory inventory;
      try {
        inventory = session.readInventory();
      } catch (KeywardenException e) {
        return central.notAudited(
            accountId, runId, "the inventory could not be read: " + e.getMessage());
      }
      if (!inventory.accountId().equals(accountId)) {
        return central.notAudited(
            accountId,
            runId,
            "the credentials act in account "
                + inventory.accountId()
                + ", not "
                + accountId
                + "; check the audit role's account");
      }
      return session.run(inventory, request, deadline);
    }
  }
}
