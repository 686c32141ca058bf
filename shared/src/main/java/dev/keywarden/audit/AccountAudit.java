package dev.keywarden.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one account in an in-process Organization run: its outcome, or the error that
 * stopped its run. Exactly one of the two is present.
 *
 * @param accountId the account
 * @param outcome what its run did, when it ended normally
 * @param error why its run stopped, when it threw
 */
public record AccountAudit(String accountId, Optional<RunOutcome> outcome, Optional<String> error) {

  public AccountAudit {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(error, "error");
    if (outcome.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException(
          "account " + accountId + ": exactly one of outcome and error must be present");
    }
  }

  /** An account whose run ended with {@code outcome}. */
  public static AccountAudit audited(String accountId, RunOutcome outcome) {
    return new AccountAudit(accountId, Optional.of(outcome), Optional.empty());
  }

  /** An account whose run stopped with {@code error}. */
  public static AccountAudit failed(String accountId, String error) {
    return new AccountAudit(accountId, Optional.empty(), Optional.of(error));
  }

  /**
   * Whether the account was fully handled: audited (or busy with, or already done by, a run) with
   * no failed deactivation.
   */
  public boolean ok() {
    return outcome
        .map(
            o ->
                o.status() != RunOutcome.Status.NOT_AUDITED
                    && o.status() != RunOutcome.Status.INCOMPLETE
                    && o.deactivation().map(d -> d.failed().isEmpty()).orElse(true))
        .orElse(false);
  }

  /** Whether its run ended with an outcome of the given status. */
  public boolean has(RunOutcome.Status status) {
    return outcome.map(o -> o.status() == status).orElse(false);
  }
}
