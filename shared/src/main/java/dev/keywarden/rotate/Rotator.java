package dev.keywarden.rotate;

import dev.keywarden.KeywardenException;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.Owners;
import dev.keywarden.config.RotationSettings;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.notify.KeyNoticeState;
import dev.keywarden.notify.NoticeDraft;
import dev.keywarden.remediate.AccessKeys;
import dev.keywarden.remediate.DeactivatedKey;
import dev.keywarden.remediate.KeyStatus;
import dev.keywarden.remediate.Mode;
import dev.keywarden.remediate.PlannedDeactivation;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Carries out assisted rotation in one account: finishes what a crashed run left, plans (see {@link
 * RotationPlanner}), confirms each cut-over with {@code iam:GetAccessKeyLastUsed}, creates new keys
 * and writes them into Secrets Manager, and drafts the owners' notices.
 *
 * <p><b>Crash safety.</b> Each creation writes an intent (the rotation record, phase {@code
 * INTENT}) before {@code iam:CreateAccessKey} and the result ({@code IN_PROGRESS}) only after the
 * secret is written, with the attempt id as the secret version's token. A run that finds an intent
 * without a result looks for the key it created (a key of the user made after the intent, other
 * than the old one): when the secret holds the attempt's version the job was done and only the
 * result is written; otherwise the key's secret is lost with the run that died (it was never
 * written anywhere), so the key is deactivated and the attempt abandoned: no key is left active
 * that nobody holds. A write of the secret that fails in the run itself is tried once more, then
 * the created key is deactivated the same way.
 *
 * <p>The secret's value is held in memory between the two calls only, and is never logged or
 * written anywhere but the secret.
 *
 * <p><b>Dry run</b> makes no call and writes nothing; the ordinary notices go out as usual.
 */
public final class Rotator {
  private static final Logger LOG = LogManager.getLogger(Rotator.class);

  /**
   * A key counts as created by an unfinished attempt when IAM dates it this close to the intent
   * (before it, for clocks that differ; after it, for the call that follows the intent within the
   * run). Any other key of the user is left alone.
   */
  static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

  static final Duration CREATE_WINDOW = Duration.ofMinutes(15);

  private final RotationKeys keys;
  private final SecretVault vault;
  private final RotationStore store;
  private final AccessKeys accessKeys;
  private final RotationSettings settings;

  private Rotator(
      RotationKeys keys,
      SecretVault vault,
      RotationStore store,
      AccessKeys accessKeys,
      RotationSettings settings) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.store = Objects.requireNonNull(store, "store");
    this.accessKeys = Objects.requireNonNull(accessKeys, "accessKeys");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public static Rotator create(
      RotationKeys keys,
      SecretVault vault,
      RotationStore store,
      AccessKeys accessKeys,
      RotationSettings settings) {
    return new Rotator(keys, vault, store, accessKeys, settings);
  }

  /**
   * What {@link #prepare} decided: the plan, and the old keys to deactivate early (as planned
   * deactivations, so that the ordinary deactivation step carries them out with its rails and
   * action log).
   */
  public record Prepared(RotationPlan plan, List<PlannedDeactivation> cutOvers, Mode mode) {
    public static Prepared none(Mode mode) {
      return new Prepared(RotationPlan.empty(), List.of(), mode);
    }

    /**
     * The old keys whose reminders this rotation sends: none in a dry run, which leaves notices as
     * they were.
     */
    public java.util.Set<String> handledKeys() {
      return mode == Mode.ENFORCE ? plan.handledKeys() : java.util.Set.of();
    }
  }

  /**
   * What {@link #execute} did.
   *
   * @param announced keys this run deactivated whose notice is the rotation's own (cut-overs)
   * @param notCreated old keys whose new key was planned but not made: their owners get the
   *     ordinary notices
   */
  public record Report(
      List<String> created,
      List<String> cutOver,
      List<String> completed,
      List<String> abandoned,
      List<NoticeDraft> drafts,
      List<DeactivatedKey> announced,
      java.util.Set<String> notCreated) {}

  /**
   * Resolves unfinished intents (enforce only), plans, and confirms cut-over candidates.
   *
   * @param cutOverRoom how many more keys this run may deactivate under the per-run cap
   */
  public Prepared prepare(
      String accountId,
      String runId,
      AccountInventory inventory,
      AuditResult audit,
      Map<String, KeyNoticeState> claimed,
      List<Integer> stagesDays,
      Mode mode,
      Optional<String> callerArn,
      Instant now,
      int cutOverRoom) {
    if (!settings.allows(accountId)) {
      return Prepared.none(mode);
    }
    Map<String, RotationRecord> records = new LinkedHashMap<>(store.rotations(accountId));
    if (mode == Mode.ENFORCE) {
      for (RotationRecord record : List.copyOf(records.values())) {
        if (record.phase() == RotationRecord.Phase.INTENT) {
          resume(record, runId, now).ifPresent(r -> records.put(r.userName(), r));
        }
      }
    }
    RotationPlan plan =
        RotationPlanner.plan(
            accountId, inventory, audit, records, claimed, stagesDays, settings, callerArn, now);
    List<PlannedDeactivation> cutOvers = new ArrayList<>();
    Duration quiet = Duration.ofHours(settings.cutoverQuietHours());
    for (RotationPlan.Watching w : plan.watching()) {
      if (!w.cutOverCandidate() || cutOvers.size() >= cutOverRoom) {
        continue;
      }
      Optional<Instant> oldUsed = w.oldKeyLastUsed();
      if (mode == Mode.ENFORCE) {
        try {
          oldUsed = keys.lastUsed(w.rotation().oldKeyId());
        } catch (KeywardenException e) {
          LOG.warn(
              "runId={} accountId={} cut-over of {} waits: {}",
              runId,
              accountId,
              w.old().resourceId(),
              e.getMessage());
          continue;
        }
        if (!RotationPlanner.quiet(oldUsed, now, quiet)) {
          LOG.info(
              "runId={} accountId={} cut-over of {} waits: iam:GetAccessKeyLastUsed says the old key was used at {}",
              runId,
              accountId,
              w.old().resourceId(),
              oldUsed.get());
          continue;
        }
      }
      cutOvers.add(
          new PlannedDeactivation(
              w.old().userName(),
              w.old().slot(),
              w.old().resourceId(),
              w.old().created(),
              w.old().deadline(),
              "assisted rotation cut-over: the new key "
                  + w.rotation().newKeyId().orElse("")
                  + " is in use (last used "
                  + w.newKeyLastUsed().orElseThrow()
                  + ") and the old key was not used for "
                  + settings.cutoverQuietHours()
                  + " hours (last used "
                  + oldUsed.map(Instant::toString).orElse("never")
                  + ")"));
    }
    return new Prepared(plan, cutOvers, mode);
  }

  /**
   * Records finished rotations and cut-overs, creates the planned keys and drafts the owners'
   * notices; does nothing in a dry run. Asks {@code stop} before each creation.
   *
   * @param deactivated keys this run's deactivation step confirmed inactive (cut-overs and
   *     deadlines)
   */
  public Report execute(
      Prepared prepared,
      String accountId,
      String runId,
      AccountInventory inventory,
      List<DeactivatedKey> deactivated,
      List<String> ownerTagKeys,
      Optional<String> fallbackOwner,
      Instant now,
      BooleanSupplier stop) {
    List<String> created = new ArrayList<>();
    List<String> cutOver = new ArrayList<>();
    List<String> completed = new ArrayList<>();
    List<String> abandoned = new ArrayList<>();
    List<NoticeDraft> drafts = new ArrayList<>();
    List<DeactivatedKey> announced = new ArrayList<>();
    java.util.Set<String> notCreated = new java.util.HashSet<>();
    if (prepared.mode() != Mode.ENFORCE) {
      return new Report(created, cutOver, completed, abandoned, drafts, announced, notCreated);
    }
    RotationPlan plan = prepared.plan();
    int quietHours = settings.cutoverQuietHours();
    for (RotationRecord record : plan.finished()) {
      if (put(
          record.next(
              RotationRecord.Phase.COMPLETED, now, runId, "the old key is no longer active"))) {
        completed.add(record.userName());
      }
    }
    for (RotationPlan.Watching w : plan.watching()) {
      Optional<DeactivatedKey> gone =
          deactivated.stream()
              .filter(
                  k ->
                      k.resourceId().equals(w.old().resourceId())
                          && RotationPlanner.sameKey(k.lastRotated(), w.old().created()))
              .findFirst();
      Optional<String> recipient =
          recipient(inventory, w.old().userName(), ownerTagKeys, fallbackOwner);
      if (gone.isPresent()) {
        boolean early =
            prepared.cutOvers().stream().anyMatch(c -> c.resourceId().equals(w.old().resourceId()));
        RotationRecord.Phase phase =
            early ? RotationRecord.Phase.CUT_OVER : RotationRecord.Phase.COMPLETED;
        put(
            w.rotation()
                .next(
                    phase,
                    now,
                    runId,
                    early
                        ? "old key deactivated early: the new key took over"
                        : "old key deactivated at its deadline"));
        if (early) {
          cutOver.add(w.old().userName());
          announced.add(gone.get());
          recipient.ifPresent(
              to -> drafts.add(RotationNotices.cutOver(accountId, runId, to, w, quietHours)));
        } else {
          completed.add(w.old().userName());
        }
      } else if (w.stage().isPresent()) {
        recipient.ifPresent(
            to ->
                drafts.add(
                    RotationNotices.status(
                        accountId, runId, to, w, w.stage().get(), quietHours, now)));
      }
    }
    for (RotationPlan.Blocked b : plan.blocked()) {
      if (b.stage().isPresent()) {
        recipient(inventory, b.old().userName(), ownerTagKeys, fallbackOwner)
            .ifPresent(to -> drafts.add(RotationNotices.blocked(accountId, runId, to, b, now)));
      }
    }
    for (RotationPlan.Creation c : plan.create()) {
      if (stop.getAsBoolean()) {
        notCreated.add(c.old().resourceId());
        continue;
      }
      Optional<RotationRecord> done = createKey(accountId, runId, c, now);
      if (done.isPresent() && done.get().phase() == RotationRecord.Phase.IN_PROGRESS) {
        created.add(c.old().userName());
        recipient(inventory, c.old().userName(), ownerTagKeys, fallbackOwner)
            .ifPresent(
                to ->
                    drafts.add(
                        RotationNotices.created(
                            accountId,
                            runId,
                            to,
                            done.get(),
                            c.old(),
                            c.stage(),
                            quietHours,
                            now)));
      } else {
        notCreated.add(c.old().resourceId());
        if (done.isPresent() && done.get().phase() == RotationRecord.Phase.ABANDONED) {
          abandoned.add(c.old().userName());
        }
      }
    }
    return new Report(created, cutOver, completed, abandoned, drafts, announced, notCreated);
  }

  /**
   * One creation: intent, key, secret, result; the key is deactivated if its secret cannot be
   * written.
   */
  private Optional<RotationRecord> createKey(
      String accountId, String runId, RotationPlan.Creation c, Instant now) {
    String user = c.old().userName();
    List<RotationKeys.Key> current;
    try {
      current = keys.keys(user);
    } catch (KeywardenException e) {
      LOG.warn(
          "runId={} accountId={} assisted rotation of {} not started: {}",
          runId,
          accountId,
          user,
          e.getMessage());
      return Optional.empty();
    }
    Optional<RotationKeys.Key> old =
        current.stream()
            .filter(k -> RotationPlanner.sameKey(k.created(), c.old().created()))
            .findFirst();
    if (old.isEmpty() || !old.get().active() || current.size() >= 2) {
      LOG.warn(
          "runId={} accountId={} assisted rotation of {} not started: IAM now lists {} key(s) for the user{}",
          runId,
          accountId,
          user,
          current.size(),
          old.isEmpty() ? ", none created at " + c.old().created() : "");
      return Optional.empty();
    }
    RotationRecord intent =
        new RotationRecord(
            accountId,
            user,
            UUID.randomUUID().toString(),
            old.get().accessKeyId(),
            c.old().created(),
            c.old().deadline(),
            c.secretName(),
            RotationRecord.Phase.INTENT,
            Optional.empty(),
            Optional.empty(),
            now,
            now,
            runId,
            "creating a new key",
            1);
    if (!put(intent)) {
      LOG.info(
          "runId={} accountId={} another run started the rotation of {}", runId, accountId, user);
      return Optional.empty();
    }
    NewAccessKey key;
    try {
      key = keys.create(user);
    } catch (RotationKeys.Refused e) {
      // A refusal is a definite answer: no key was made.
      LOG.warn("runId={} accountId={} {}", runId, accountId, e.getMessage());
      RotationRecord refused =
          intent.next(
              RotationRecord.Phase.ABANDONED,
              now,
              runId,
              "iam:CreateAccessKey was refused; no key was created");
      put(refused);
      return Optional.of(refused);
    } catch (KeywardenException e) {
      // The answer may have been lost after IAM made the key: the intent stays, and the next run
      // looks for it.
      LOG.warn(
          "runId={} accountId={} iam:CreateAccessKey for {} failed; the next run checks for the key: {}",
          runId,
          accountId,
          user,
          e.getMessage());
      return Optional.of(intent);
    }
    String failure = null;
    for (int attempt = 1; attempt <= 2; attempt++) {
      try {
        vault.store(accountId, c.secretName(), key, intent.attemptId(), settings.kmsKeyId());
        failure = null;
        break;
      } catch (KeywardenException e) {
        failure = e.getMessage();
      }
    }
    if (failure == null) {
      RotationRecord result =
          intent.withNewKey(
              key.accessKeyId(),
              key.created(),
              RotationRecord.Phase.IN_PROGRESS,
              now,
              runId,
              "new key created and stored in " + c.secretName());
      put(result);
      LOG.info(
          "runId={} accountId={} assisted rotation: created {} for {} and stored it in secret {}",
          runId,
          accountId,
          key.accessKeyId(),
          user,
          c.secretName());
      return Optional.of(result);
    }
    LOG.warn(
        "runId={} accountId={} the secret {} for {} could not be written ({}); deactivating the key just created, {}",
        runId,
        accountId,
        c.secretName(),
        user,
        failure,
        key.accessKeyId());
    return Optional.of(
        abandon(
            intent,
            key.accessKeyId(),
            key.created(),
            runId,
            now,
            "its secret could not be written (" + failure + ")"));
  }

  /**
   * Finishes an intent a crashed run left; empty when nothing could be decided (the next run tries
   * again).
   */
  private Optional<RotationRecord> resume(RotationRecord intent, String runId, Instant now) {
    try {
      Instant since = intent.startedAt().truncatedTo(ChronoUnit.SECONDS).minus(CLOCK_SLACK);
      Instant until = intent.startedAt().plus(CREATE_WINDOW);
      Optional<RotationKeys.Key> made =
          keys.keys(intent.userName()).stream()
              .filter(
                  k ->
                      !k.accessKeyId().equals(intent.oldKeyId())
                          && !k.created().isBefore(since)
                          && !k.created().isAfter(until))
              .findFirst();
      if (made.isEmpty()) {
        RotationRecord none =
            intent.next(
                RotationRecord.Phase.ABANDONED,
                now,
                runId,
                "the run that began it ended before a key was created");
        return put(none) ? Optional.of(none) : Optional.empty();
      }
      if (vault.holds(intent.secretName(), intent.attemptId())) {
        RotationRecord result =
            intent.withNewKey(
                made.get().accessKeyId(),
                made.get().created(),
                RotationRecord.Phase.IN_PROGRESS,
                now,
                runId,
                "new key created and stored in " + intent.secretName());
        return put(result) ? Optional.of(result) : Optional.empty();
      }
      LOG.warn(
          "runId={} accountId={} key {} of {} was created by a run that ended before writing its secret; deactivating it",
          runId,
          intent.accountId(),
          made.get().accessKeyId(),
          intent.userName());
      RotationRecord gone =
          abandon(
              intent,
              made.get().accessKeyId(),
              made.get().created(),
              runId,
              now,
              "the run that created it ended before writing its secret");
      return gone.phase() == RotationRecord.Phase.ABANDONED ? Optional.of(gone) : Optional.empty();
    } catch (KeywardenException e) {
      LOG.warn(
          "runId={} accountId={} the unfinished rotation of {} waits for the next run: {}",
          runId,
          intent.accountId(),
          intent.userName(),
          e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Deactivates a created key nobody can hold, and records the attempt as abandoned once IAM
   * confirms it.
   */
  private RotationRecord abandon(
      RotationRecord intent, String keyId, Instant created, String runId, Instant now, String why) {
    try {
      if (accessKeys.status(intent.userName(), keyId) == KeyStatus.ACTIVE) {
        accessKeys.deactivate(intent.userName(), keyId);
      }
      KeyStatus after = accessKeys.awaitStatus(intent.userName(), keyId, KeyStatus.INACTIVE);
      if (after == KeyStatus.ACTIVE) {
        LOG.warn(
            "runId={} accountId={} key {} of {} is still active; the next run deactivates it",
            runId,
            intent.accountId(),
            keyId,
            intent.userName());
        return intent;
      }
    } catch (KeywardenException e) {
      LOG.warn(
          "runId={} accountId={} deactivating key {} of {} failed; the next run tries again: {}",
          runId,
          intent.accountId(),
          keyId,
          intent.userName(),
          e.getMessage());
      return intent;
    }
    RotationRecord gone =
        intent.withNewKey(
            keyId,
            created,
            RotationRecord.Phase.ABANDONED,
            now,
            runId,
            "created key " + keyId + " deactivated: " + why);
    put(gone);
    return gone;
  }

  private boolean put(RotationRecord record) {
    return store.put(record);
  }

  private static Optional<String> recipient(
      AccountInventory inventory,
      String userName,
      List<String> ownerTagKeys,
      Optional<String> fallback) {
    Optional<IamUser> user = inventory.authorization().flatMap(a -> a.user(userName));
    return user.flatMap(u -> Owners.validOwner(u, ownerTagKeys)).or(() -> fallback);
  }
}
