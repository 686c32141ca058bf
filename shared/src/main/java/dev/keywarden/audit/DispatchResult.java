package dev.keywarden.audit;

import java.util.List;
import java.util.Objects;

/**
 * What the dispatcher sent: the run and its accounts, for the handler's response and the command's
 * progress.
 *
 * @param runId the run
 * @param accountIds the accounts sent, ordered by id
 */
public record DispatchResult(String runId, List<String> accountIds) {
  public DispatchResult {
    Objects.requireNonNull(runId, "runId");
    accountIds = List.copyOf(accountIds);
  }
}
