package dev.keywarden.audit;

import dev.keywarden.inventory.AccountInventory;

/**
 * Enters one account for one run, so that the org auditor can tell "could not get in" and "could
 * not read" apart from the run itself and record either as a finding.
 */
public interface MemberAccess {
  /**
   * Opens the account (in AWS: assumes the audit role in it).
   *
   * @throws dev.keywarden.KeywardenException when the account cannot be entered, saying why
   */
  Session open(String accountId, String runId);

  /** What one entered account offers a run; closing it lets go of its clients. */
  interface Session extends AutoCloseable {
    /** Reads the account's inventory. */
    AccountInventory readInventory();

    /**
     * Runs the loop on the inventory for the request's run, starting nothing new once the deadline
     * is reached; findings, notices and summary go to the central side, and the request's account
     * owner, when it names one, stands in for the fallback owner.
     */
    RunOutcome run(AccountInventory inventory, AuditRequest request, Deadline deadline);

    @Override
    void close();
  }
}
