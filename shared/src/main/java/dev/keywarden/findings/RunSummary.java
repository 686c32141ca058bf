package dev.keywarden.findings;

import dev.keywarden.checks.Severity;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One account's figures for one run: what the weekly report reads instead of scanning findings.
 *
 * @param accountId the account
 * @param runId the run
 * @param at when the run audited the account
 * @param audited false when the account could not be audited (then most counts are zero)
 * @param failure why it could not be audited
 * @param openBySeverity open findings per severity, in severity order (most urgent first); a
 *     severity without open findings may be absent
 * @param openByCheck open findings per check id
 * @param users IAM users
 * @param activeKeys active IAM user access keys (long-term credentials)
 * @param consoleUsers users with a console password
 * @param consoleUsersWithMfa console users with MFA
 * @param rootMfa whether root has MFA, when known
 * @param rootAccessKey whether root has an access key, when known
 * @param opened findings new in this run
 * @param resolved findings resolved in this run
 * @param exempt findings exempt after this run
 * @param deactivated keys deactivated in this run (never a dry run's)
 * @param deferred deactivations deferred by the per-run cap
 * @param notices notices published in this run
 * @param skippedChecks ids of the checks that could not judge the account in this run, sorted;
 *     their controls are "not judged", never passed; empty (unknown) for summaries written before
 *     it was recorded
 * @param unusedRoles roles {@code role-unused} condemned (open or exempt); empty when it was
 *     skipped or the summary predates it
 * @param wouldDeactivate keys a dry run would have deactivated (the key stays active), counted
 *     apart
 */
public record RunSummary(
    String accountId,
    String runId,
    Instant at,
    boolean audited,
    Optional<String> failure,
    Map<Severity, Integer> openBySeverity,
    Map<String, Integer> openByCheck,
    int users,
    int activeKeys,
    int consoleUsers,
    int consoleUsersWithMfa,
    Optional<Boolean> rootMfa,
    Optional<Boolean> rootAccessKey,
    int opened,
    int resolved,
    int exempt,
    int deactivated,
    int deferred,
    int notices,
    Optional<List<String>> skippedChecks,
    Optional<Integer> unusedRoles,
    int wouldDeactivate) {
  public RunSummary {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(failure, "failure");
    openBySeverity = bySeverity(openBySeverity);
    openByCheck = Map.copyOf(openByCheck);
    Objects.requireNonNull(rootMfa, "rootMfa");
    Objects.requireNonNull(rootAccessKey, "rootAccessKey");
    skippedChecks = skippedChecks.map(List::copyOf);
    Objects.requireNonNull(unusedRoles, "unusedRoles");
  }

  /** An unmodifiable copy over an {@link EnumMap}, so that it iterates in severity order. */
  private static Map<Severity, Integer> bySeverity(Map<Severity, Integer> counts) {
    EnumMap<Severity, Integer> copy = new EnumMap<>(Severity.class);
    counts.forEach(
        (severity, count) ->
            copy.put(
                Objects.requireNonNull(severity, "openBySeverity key"),
                Objects.requireNonNull(count, "openBySeverity count")));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * A builder for the summary of run {@code runId} in {@code accountId} at {@code at}: an audited
   * account, every count 0, every optional and map empty, until set.
   */
  public static Builder builder(String accountId, String runId, Instant at) {
    return new Builder(accountId, runId, at);
  }

  /** Names each figure it sets; unset ones stay 0 or empty. */
  public static final class Builder {
    private final String accountId;
    private final String runId;
    private final Instant at;
    private boolean audited = true;
    private Optional<String> failure = Optional.empty();
    private Map<Severity, Integer> openBySeverity = Map.of();
    private Map<String, Integer> openByCheck = Map.of();
    private int users = 0;
    private int activeKeys = 0;
    private int consoleUsers = 0;
    private int consoleUsersWithMfa = 0;
    private Optional<Boolean> rootMfa = Optional.empty();
    private Optional<Boolean> rootAccessKey = Optional.empty();
    private int opened = 0;
    private int resolved = 0;
    private int exempt = 0;
    private int deactivated = 0;
    private int deferred = 0;
    private int notices = 0;
    private Optional<List<String>> skippedChecks = Optional.empty();
    private Optional<Integer> unusedRoles = Optional.empty();
    private int wouldDeactivate = 0;

    private Builder(String accountId, String runId, Instant at) {
      this.accountId = accountId;
      this.runId = runId;
      this.at = at;
    }

    /** An account that could not be audited, and why: not audited, with the failure. */
    public Builder notAudited(String reason) {
      this.audited = false;
      this.failure = Optional.of(reason);
      return this;
    }

    public Builder audited(boolean audited) {
      this.audited = audited;
      return this;
    }

    public Builder failure(Optional<String> failure) {
      this.failure = failure;
      return this;
    }

    public Builder openBySeverity(Map<Severity, Integer> openBySeverity) {
      this.openBySeverity = openBySeverity;
      return this;
    }

    public Builder openByCheck(Map<String, Integer> openByCheck) {
      this.openByCheck = openByCheck;
      return this;
    }

    public Builder users(int users) {
      this.users = users;
      return this;
    }

    public Builder activeKeys(int activeKeys) {
      this.activeKeys = activeKeys;
      return this;
    }

    public Builder consoleUsers(int consoleUsers) {
      this.consoleUsers = consoleUsers;
      return this;
    }

    public Builder consoleUsersWithMfa(int consoleUsersWithMfa) {
      this.consoleUsersWithMfa = consoleUsersWithMfa;
      return this;
    }

    public Builder rootMfa(Optional<Boolean> rootMfa) {
      this.rootMfa = rootMfa;
      return this;
    }

    public Builder rootAccessKey(Optional<Boolean> rootAccessKey) {
      this.rootAccessKey = rootAccessKey;
      return this;
    }

    public Builder opened(int opened) {
      this.opened = opened;
      return this;
    }

    public Builder resolved(int resolved) {
      this.resolved = resolved;
      return this;
    }

    public Builder exempt(int exempt) {
      this.exempt = exempt;
      return this;
    }

    public Builder deactivated(int deactivated) {
      this.deactivated = deactivated;
      return this;
    }

    public Builder deferred(int deferred) {
      this.deferred = deferred;
      return this;
    }

    public Builder notices(int notices) {
      this.notices = notices;
      return this;
    }

    public Builder skippedChecks(Optional<List<String>> skippedChecks) {
      this.skippedChecks = skippedChecks;
      return this;
    }

    public Builder unusedRoles(Optional<Integer> unusedRoles) {
      this.unusedRoles = unusedRoles;
      return this;
    }

    public Builder wouldDeactivate(int wouldDeactivate) {
      this.wouldDeactivate = wouldDeactivate;
      return this;
    }

    public RunSummary build() {
      return new RunSummary(
          accountId,
          runId,
          at,
          audited,
          failure,
          openBySeverity,
          openByCheck,
          users,
          activeKeys,
          consoleUsers,
          consoleUsersWithMfa,
          rootMfa,
          rootAccessKey,
          opened,
          resolved,
          exempt,
          deactivated,
          deferred,
          notices,
          skippedChecks,
          unusedRoles,
          wouldDeactivate);
    }
  }
}
