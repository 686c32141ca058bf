package dev.keywarden.checks;

/**
 * How the rest of Keywarden treats a check's findings, declared in the check's {@link
 * CheckMetadata} and read wherever that treatment is decided: the notice planner, the weekly
 * report. Adding a trait adds a constant here and changes no check that does not have it.
 */
public enum CheckTrait {
  /**
   * The finding carries a key's deadline, after which enforce mode deactivates the key: owners get
   * staged notices before it and the weekly report lists the key as due.
   */
  KEY_DEADLINE,
  /**
   * The finding is about the account's root user: the weekly report lists it first, apart from the
   * rest.
   */
  ROOT,
  /**
   * The check judges each IAM user's credential report row on its own, given the rest of the
   * inventory (a row it cannot judge skips the whole check): its findings over a report are those
   * over the report's users taken a chunk at a time, so that a report too large to hold whole is
   * checked in chunks. A check without it reads no user row when the inventory is the report alone.
   */
  USER_ROWS
}
