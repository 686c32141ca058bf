package dev.keywarden.notify;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.remediate.DeactivatedKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link NoticePlanner#plan} reads for one account's run, each input named, so that a caller
 * cannot swap two lists or two strings without the compiler or the builder noticing.
 *
 * @param accountId the account audited
 * @param runId the run; part of every notice id
 * @param inventory the account's inventory, for each key's slot, rotation time and user tags
 * @param result the run's findings; those with a key deadline may be due a rotation notice
 * @param claimed key id ({@link KeyNoticeState#keyId()}) to the stages already claimed for it
 * @param stagesDays the configured notice stages in days before the deadline, in any order
 * @param fallbackOwner who is told when a user has no valid owner tag
 * @param ownerTagKeys the user tags that name an owner, in order of preference
 * @param deactivated keys deactivated in this run, each told once as a deactivation
 * @param asOf when the run plans, to place each deadline in a stage
 * @param reactivations access key id to the times it was reactivated, so that a deactivation after
 *     a reactivation is told again
 */
public record NoticeRequest(
    String accountId,
    String runId,
    AccountInventory inventory,
    AuditResult result,
    Map<String, KeyNoticeState> claimed,
    List<Integer> stagesDays,
    Optional<String> fallbackOwner,
    List<String> ownerTagKeys,
    List<DeactivatedKey> deactivated,
    Instant asOf,
    Map<String, Integer> reactivations) {
  public NoticeRequest {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(result, "result");
    claimed = Map.copyOf(claimed);
    stagesDays = List.copyOf(stagesDays);
    Objects.requireNonNull(fallbackOwner, "fallbackOwner");
    ownerTagKeys = List.copyOf(ownerTagKeys);
    deactivated = List.copyOf(deactivated);
    Objects.requireNonNull(asOf, "asOf");
    reactivations = Map.copyOf(reactivations);
  }

  /**
   * A builder with nothing claimed, no fallback owner, nothing deactivated and no reactivations
   * until set; the account, run, inventory, result, stages, owner tag keys and time must be set.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Names each input it sets. */
  public static final class Builder {
    private String accountId;
    private String runId;
    private AccountInventory inventory;
    private AuditResult result;
    private Map<String, KeyNoticeState> claimed = Map.of();
    private List<Integer> stagesDays;
    private Optional<String> fallbackOwner = Optional.empty();
    private List<String> ownerTagKeys;
    private List<DeactivatedKey> deactivated = List.of();
    private Instant asOf;
    private Map<String, Integer> reactivations = Map.of();

    private Builder() {}

    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    public Builder runId(String runId) {
      this.runId = runId;
      return this;
    }

    public Builder inventory(AccountInventory inventory) {
      this.inventory = inventory;
      return this;
    }

    public Builder result(AuditResult result) {
      this.result = result;
      return this;
    }

    public Builder claimed(Map<String, KeyNoticeState> claimed) {
      this.claimed = claimed;
      return this;
    }

    public Builder stagesDays(List<Integer> stagesDays) {
      this.stagesDays = stagesDays;
      return this;
    }

    public Builder fallbackOwner(Optional<String> fallbackOwner) {
      this.fallbackOwner = fallbackOwner;
      return this;
    }

    public Builder ownerTagKeys(List<String> ownerTagKeys) {
      this.ownerTagKeys = ownerTagKeys;
      return this;
    }

    public Builder deactivated(List<DeactivatedKey> deactivated) {
      this.deactivated = deactivated;
      return this;
    }

    public Builder asOf(Instant asOf) {
      this.asOf = asOf;
      return this;
    }

    public Builder reactivations(Map<String, Integer> reactivations) {
      this.reactivations = reactivations;
      return this;
    }

    /**
     * The request; fails with a {@link NullPointerException} naming the first required input not
     * set.
     */
    public NoticeRequest build() {
      Objects.requireNonNull(stagesDays, "stagesDays");
      Objects.requireNonNull(ownerTagKeys, "ownerTagKeys");
      return new NoticeRequest(
          accountId,
          runId,
          inventory,
          result,
          claimed,
          stagesDays,
          fallbackOwner,
          ownerTagKeys,
          deactivated,
          asOf,
          reactivations);
    }
  }
}
