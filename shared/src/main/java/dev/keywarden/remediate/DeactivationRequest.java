package dev.keywarden.remediate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What {@link Deactivator#execute} acts on for one account's run, each input named, so that the run
 * id, the actor and the account (three strings) cannot be swapped unnoticed.
 *
 * @param accountId the account
 * @param runId the run, written on every log entry
 * @param actor the caller's ARN, written on every log entry
 * @param plan the keys to deactivate
 * @param mode dry run (nothing called or written) or enforce
 * @param actions the account's action log as read at the start of the run, oldest first: the
 *     history
 * @param now when the run acts, written on every log entry
 * @param stop asked before each key: once it answers true no other key is begun (the one in hand is
 *     finished), and unfinished actions of earlier runs are left to the next run
 */
public record DeactivationRequest(
    String accountId,
    String runId,
    String actor,
    DeactivationPlan plan,
    Mode mode,
    List<ActionLogEntry> actions,
    Instant now,
    BooleanSupplier stop) {
  public DeactivationRequest {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(mode, "mode");
    actions = List.copyOf(actions);
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(stop, "stop");
  }

  /**
   * A builder with an empty history and a run that never stops early until set; the account, run,
   * actor, plan, mode and time must be set.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Names each input it sets. */
  public static final class Builder {
    private String accountId;
    private String runId;
    private String actor;
    private DeactivationPlan plan;
    private Mode mode;
    private List<ActionLogEntry> actions = List.of();
    private Instant now;
    private BooleanSupplier stop = () -> false;

    private Builder() {}

    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    public Builder runId(String runId) {
      this.runId = runId;
      return this;
    }

    public Builder actor(String actor) {
      this.actor = actor;
      return this;
    }

    public Builder plan(DeactivationPlan plan) {
      this.plan = plan;
      return this;
    }

    public Builder mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    public Builder actions(List<ActionLogEntry> actions) {
      this.actions = actions;
      return this;
    }

    public Builder now(Instant now) {
      this.now = now;
      return this;
    }

    public Builder stop(BooleanSupplier stop) {
      this.stop = stop;
      return this;
    }

    /**
     * The request; fails with a {@link NullPointerException} naming the first required input not
     * set.
     */
    public DeactivationRequest build() {
      return new DeactivationRequest(accountId, runId, actor, plan, mode, actions, now, stop);
    }
  }
}
