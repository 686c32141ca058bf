package dev.keywarden.rotate;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckMetadata;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.KeyExpiredCheck;
import dev.keywarden.checks.KeyRotationDueCheck;
import dev.keywarden.checks.Severity;
import dev.keywarden.config.RotationSettings;
import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.notify.KeyNoticeState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, without calling anything, which tagged users get a new key, which cannot, which
 * rotations to watch and which old keys may be deactivated early. The rules, each tested at its
 * boundary:
 *
 * <ul>
 *   <li>Only users tagged {@value #TAG} = {@value #ASSISTED}, in an account the settings allow, and
 *       never the caller's own user.
 *   <li>A new key is created once the old key's deadline is within the first (most distant) notice
 *       stage and not yet reached, and only when the user has a free key slot: a user with two keys
 *       (two active, or one inactive beside the old one) gets a {@value #BLOCKED_CHECK} finding and
 *       a notice instead, never a third key.
 *   <li>A rotation withdrawn by its owner, or one that cut over, is not started again for the same
 *       old key; an abandoned one is, once a slot is free.
 *   <li>Cut-over: the new key was used, and the old key was not used in the last {@code
 *       cutover-quiet-hours} (exactly that long ago counts as quiet; never used counts as quiet),
 *       and the old key's deadline is not reached. At the deadline the ordinary deactivation takes
 *       the old key whatever its use.
 * </ul>
 */
public final class RotationPlanner {
  /** The user tag that asks for assisted rotation. */
  public static final String TAG = "keywarden:rotation";

  /** The tag's value that asks for it. */
  public static final String ASSISTED = "assisted";

  /** The finding raised for a user whose rotation cannot start. */
  public static final String BLOCKED_CHECK = "rotation-blocked";

  /** Where each user's new key is kept, in the user's own account. */
  public static final String SECRET_PREFIX = "keywarden/access-keys/";

  /**
   * The stage a creation notice claims when the stage due was already announced by an ordinary
   * notice.
   */
  public static final String CREATED_STAGE = "assisted-created";

  public static final CheckMetadata BLOCKED =
      new CheckMetadata(
          BLOCKED_CHECK,
          "Assisted rotation could not create a new key",
          "A user tagged keywarden:rotation = assisted whose key reached its first notice stage, but who has no free"
              + " access key slot (IAM allows two keys per user), or whose name no secret can carry.",
          Severity.MEDIUM,
          List.of(),
          List.of(),
          "Deactivate and delete the key nothing uses, so that Keywarden can create the new one at its next run, or"
              + " rotate by hand before the deadline.");

  /** Secrets Manager names allow letters, digits and /_+=.@-; IAM user names also allow ','. */
  private static final Pattern SECRET_SAFE = Pattern.compile("[A-Za-z0-9_+=.@-]{1,64}");

  private RotationPlanner() {}

  /**
   * Plans one account's assisted rotations.
   *
   * @param records the account's rotations by user, as the store holds them after unfinished
   *     intents were resolved
   * @param claimed the notice stages already claimed, by key id
   * @param stagesDays the notice stages, in days before the deadline
   */
  public static RotationPlan plan(
      String accountId,
      AccountInventory inventory,
      AuditResult audit,
      Map<String, RotationRecord> records,
      Map<String, KeyNoticeState> claimed,
      List<Integer> stagesDays,
      RotationSettings settings,
      Optional<String> callerArn,
      Instant now) {
    Objects.requireNonNull(now, "now");
    if (!settings.allows(accountId) || stagesDays.isEmpty()) {
      return RotationPlan.empty();
    }
    List<Integer> stages = stagesDays.stream().sorted(Comparator.reverseOrder()).toList();
    Duration firstStage = Duration.ofDays(stages.get(0));
    Duration quiet = Duration.ofHours(settings.cutoverQuietHours());
    List<RotationPlan.Creation> create = new ArrayList<>();
    List<RotationPlan.Blocked> blocked = new ArrayList<>();
    List<RotationPlan.Watching> watching = new ArrayList<>();
    List<RotationRecord> finished = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Set<String> handled = new HashSet<>();
    for (CredentialReportRow row : inventory.credentialReport().users()) {
      if (row.isRoot()
          || !tagged(inventory, row.user())
          || callerArn.filter(row.arn()::equals).isPresent()) {
        continue;
      }
      RotationRecord record = records.get(row.user());
      if (record != null && record.phase() == RotationRecord.Phase.INTENT) {
        continue;
      }
      if (record != null && record.phase() == RotationRecord.Phase.IN_PROGRESS) {
        Optional<AccessKeySlot> oldSlot = slotCreated(row, record.oldKeyCreated());
        if (oldSlot.isEmpty() || !oldSlot.get().active()) {
          finished.add(record);
          continue;
        }
        Optional<AccessKeySlot> newSlot = record.newKeyCreated().flatMap(c -> slotCreated(row, c));
        RotationPlan.OldKey old =
            new RotationPlan.OldKey(
                row.user(),
                oldSlot.get().slot(),
                row.arn() + "#" + oldSlot.get().slotName(),
                record.oldKeyCreated(),
                record.oldDeadline());
        Optional<Instant> newUsed = newSlot.flatMap(AccessKeySlot::lastUsed);
        Optional<Instant> oldUsed = oldSlot.get().lastUsed();
        boolean newActive = newSlot.map(AccessKeySlot::active).orElse(false);
        boolean candidate =
            now.isBefore(record.oldDeadline())
                && newActive
                && newUsed.isPresent()
                && quiet(oldUsed, now, quiet);
        watching.add(
            new RotationPlan.Watching(
                record,
                old,
                newUsed,
                oldUsed,
                newActive,
                candidate,
                dueStage(stages, record.oldDeadline(), now)
                    .filter(s -> !alreadyCovered(claimed, old, s))));
        handled.add(old.resourceId());
        continue;
      }
      Optional<RotationPlan.OldKey> due = dueKey(row, audit, now, firstStage);
      if (due.isEmpty()) {
        continue;
      }
      RotationPlan.OldKey old = due.get();
      if (record != null
          && sameKey(record.oldKeyCreated(), old.created())
          && record.phase() != RotationRecord.Phase.ABANDONED) {
        continue;
      }
      Optional<String> stage =
          dueStage(stages, old.deadline(), now).filter(s -> !alreadyCovered(claimed, old, s));
      long keys = row.accessKeys().stream().filter(s -> s.lastRotated().isPresent()).count();
      long active = row.activeKeys().size();
      Optional<String> reason = Optional.empty();
      boolean abandonedKeyHeld =
          record != null
              && record.phase() == RotationRecord.Phase.ABANDONED
              && record.newKeyId().isPresent()
              && keys >= 2;
      if (abandonedKeyHeld) {
        reason =
            Optional.of(
                "its other key, "
                    + record.newKeyId().get()
                    + ", was created by Keywarden and deactivated"
                    + " because "
                    + record.note().replaceFirst("^created key \\S+ deactivated: ", "")
                    + "; delete that key so that Keywarden can create the new one at its next run");
      } else if (active >= 2) {
        reason =
            Optional.of(
                row.user()
                    + " has two active access keys, so Keywarden cannot create a third; "
                    + "deactivate and delete the one nothing uses");
      } else if (keys >= 2) {
        reason =
            Optional.of(
                row.user()
                    + " has an inactive access key beside the one due, so no slot is free;"
                    + " delete the inactive key so that Keywarden can create the new one");
      } else if (!SECRET_SAFE.matcher(row.user()).matches()) {
        reason =
            Optional.of(
                "the user name "
                    + row.user()
                    + " has a character Secrets Manager names cannot hold (',')");
      }
      if (reason.isPresent()) {
        blocked.add(new RotationPlan.Blocked(old, stage, reason.get()));
        findings.add(
            new Finding(
                BLOCKED.id(),
                BLOCKED.severity(),
                accountId,
                row.user(),
                old.resourceId(),
                BLOCKED.title(),
                "assisted rotation of "
                    + old.resourceId()
                    + " (deadline "
                    + old.deadline()
                    + ") cannot start: "
                    + reason.get(),
                Optional.of(old.deadline())));
        // The blocked notice speaks for every due key of the user: an ordinary one would ask for a
        // third key.
        audit.findings().stream()
            .filter(f -> f.principal().equals(row.user()) && f.deadline().isPresent())
            .forEach(f -> handled.add(f.resourceId()));
      } else {
        // When every stage up to now was announced by the ordinary notices (the account opted in
        // later),
        // the rotation still starts, and its notice claims a stage of its own.
        create.add(
            new RotationPlan.Creation(old, stage.orElse(CREATED_STAGE), secretName(row.user())));
        handled.add(old.resourceId());
      }
    }
    return new RotationPlan(create, blocked, watching, finished, findings, handled);
  }

  /** The secret that holds a user's new key. */
  public static String secretName(String userName) {
    return SECRET_PREFIX + userName;
  }

  /** Whether the user carries the tag with the value {@value #ASSISTED}. */
  static boolean tagged(AccountInventory inventory, String userName) {
    return inventory
        .authorization()
        .flatMap(a -> a.user(userName))
        .map(IamUser::tags)
        .map(
            tags ->
                ASSISTED.equals(Optional.ofNullable(tags.get(TAG)).map(String::strip).orElse("")))
        .orElse(false);
  }

  /** Quiet: never used, or last used at least {@code quiet} before {@code now}. */
  static boolean quiet(Optional<Instant> lastUsed, Instant now, Duration quiet) {
    return lastUsed.map(used -> !used.isAfter(now.minus(quiet))).orElse(true);
  }

  /**
   * The user's active key whose deadline is within the first stage and not reached, the earliest
   * first.
   */
  private static Optional<RotationPlan.OldKey> dueKey(
      CredentialReportRow row, AuditResult audit, Instant now, Duration firstStage) {
    return audit.findings().stream()
        .filter(f -> f.principal().equals(row.user()) && f.deadline().isPresent())
        .filter(
            f ->
                f.checkId().equals(KeyRotationDueCheck.METADATA.id())
                    || f.checkId().equals(KeyExpiredCheck.METADATA.id()))
        .filter(
            f ->
                now.isBefore(f.deadline().get())
                    && Duration.between(now, f.deadline().get()).compareTo(firstStage) <= 0)
        .sorted(Comparator.comparing((Finding f) -> f.deadline().get()))
        .flatMap(
            f ->
                row.activeKeys().stream()
                    .filter(
                        s ->
                            f.resourceId().equals(row.arn() + "#" + s.slotName())
                                && s.lastRotated().isPresent())
                    .map(
                        s ->
                            new RotationPlan.OldKey(
                                row.user(),
                                s.slot(),
                                f.resourceId(),
                                s.lastRotated().get(),
                                f.deadline().get())))
        .findFirst();
  }

  private static Optional<AccessKeySlot> slotCreated(CredentialReportRow row, Instant created) {
    return row.accessKeys().stream()
        .filter(s -> s.lastRotated().filter(r -> sameKey(r, created)).isPresent())
        .findFirst();
  }

  /** The report and IAM give creation times to the second. */
  static boolean sameKey(Instant a, Instant b) {
    return a.truncatedTo(ChronoUnit.SECONDS).equals(b.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * The nearest stage the deadline is within, as the ordinary notices count it ({@code 14d}, {@code
   * 7d}...).
   */
  static Optional<String> dueStage(List<Integer> stagesDescending, Instant deadline, Instant now) {
    Duration left = Duration.between(now, deadline);
    Optional<String> due = Optional.empty();
    for (int days : stagesDescending) {
      if (left.compareTo(Duration.ofDays(days)) <= 0) {
        due = Optional.of(days + "d");
      }
    }
    return due;
  }

  /** Whether this stage or a nearer one (or the deactivation notice) was claimed for the key. */
  static boolean alreadyCovered(
      Map<String, KeyNoticeState> claimed, RotationPlan.OldKey old, String stage) {
    KeyNoticeState state = claimed.get(KeyNoticeState.keyId(old.resourceId(), old.created()));
    if (state == null) {
      return false;
    }
    int due = days(stage);
    return state.stages().stream()
        .anyMatch(s -> s.equals("deactivated") || (s.endsWith("d") && days(s) <= due));
  }

  private static int days(String stage) {
    try {
      return Integer.parseInt(stage.substring(0, stage.length() - 1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
