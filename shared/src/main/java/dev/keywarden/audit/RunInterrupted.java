package dev.keywarden.audit;

import dev.keywarden.KeywardenException;

/**
 * A run of one account stopped by a failure after it had acted: says what was already done, so that
 * nobody has to guess whether keys were deactivated before AWS or the endpoint stopped answering.
 */
public final class RunInterrupted extends KeywardenException {
  private final String done;

  RunInterrupted(String done, RuntimeException cause) {
    super(
        done + "; the next run finishes the rest. It stopped because: " + cause.getMessage(),
        cause);
    this.done = done;
  }

  /** What the run did before it stopped, such as "24 keys deactivated before the run stopped". */
  public String done() {
    return done;
  }
}
