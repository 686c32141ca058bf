package dev.keywarden.notify;

import dev.keywarden.checks.CheckCatalog;
import dev.keywarden.checks.CheckTrait;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Owners;
import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.remediate.DeactivatedKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides which owners to tell about which keys in this run: each notice stage once per key, ever,
 * and one message per owner listing all of that owner's keys.
 *
 * <p>A key's due stage is the nearest configured stage its deadline is within (with 14, 7 and 1:
 * five days left is the 7-day stage). A stage is sent only if neither it nor a nearer one was
 * claimed before, so a key first seen five days out gets the 7-day notice alone, and a rerun the
 * same day sends nothing. A rotated key (new rotation time) is a new key. Keys deactivated in the
 * run get the {@code deactivated} stage. Owners come from the user's owner tags; without a valid
 * one, the configured fallback; without a fallback, no notice (the {@code owner-missing} finding
 * says why).
 */
public final class NoticePlanner {
  /** The stage name of the notice sent when a key is deactivated. */
  public static final String DEACTIVATED = "deactivated";

  /** A store transaction holds at most 100 writes: 99 stage claims and the outbox entry. */
  static final int MAX_KEYS_PER_NOTICE = 99;

  private NoticePlanner() {}

  /** One key to mention in one owner's notice. */
  record Item(
      String recipient,
      NoticeKind kind,
      String stage,
      String userName,
      int slot,
      String resourceId,
      Instant lastRotated,
      Optional<Instant> deadline,
      Optional<String> accessKeyId,
      boolean person) {}

  /**
   * The deactivation notice's stage for a key reactivated {@code reactivations} times before: a key
   * deactivated again after a reactivation is a new deactivation, and its owner is told again.
   */
  public static String deactivationStage(int reactivations) {
    return reactivations == 0 ? DEACTIVATED : DEACTIVATED + "-" + (reactivations + 1);
  }

  /**
   * This run's notices: rotation notices for keys whose deadline entered a stage not claimed yet,
   * and deactivation notices for the request's deactivated keys, each deactivation after a
   * reactivation told again.
   */
  public static List<NoticeDraft> plan(NoticeRequest request) {
    AccountInventory inventory = request.inventory();
    Map<String, KeyNoticeState> claimed = request.claimed();
    List<String> ownerTagKeys = request.ownerTagKeys();
    Optional<String> fallbackOwner = request.fallbackOwner();
    Instant asOf = request.asOf();
    List<Integer> stages = request.stagesDays().stream().sorted(Comparator.reverseOrder()).toList();
    List<Item> items = new ArrayList<>();
    java.util.Set<String> deactivatedNow = new java.util.HashSet<>();
    request
        .deactivated()
        .forEach(k -> deactivatedNow.add(KeyNoticeState.keyId(k.resourceId(), k.lastRotated())));
    for (Finding finding : request.result().findings()) {
      if (!isKeyDeadlineFinding(finding) || finding.deadline().isEmpty()) {
        continue;
      }
      Optional<CredentialReportRow> row = row(inventory, finding.principal());
      Optional<AccessKeySlot> slot = row.flatMap(r -> slot(r, finding.resourceId()));
      if (slot.isEmpty() || slot.get().lastRotated().isEmpty()) {
        continue;
      }
      Instant lastRotated = slot.get().lastRotated().get();
      if (deactivatedNow.contains(KeyNoticeState.keyId(finding.resourceId(), lastRotated))) {
        continue;
      }
      Optional<String> stage = dueStage(stages, finding.deadline().get(), asOf);
      if (stage.isEmpty()
          || alreadyCovered(
              claimed.get(KeyNoticeState.keyId(finding.resourceId(), lastRotated)), stage.get())) {
        continue;
      }
      Optional<String> recipient =
          recipient(inventory, finding.principal(), ownerTagKeys, fallbackOwner);
      recipient.ifPresent(
          to ->
              items.add(
                  new Item(
                      to,
                      NoticeKind.ROTATION,
                      stage.get(),
                      finding.principal(),
                      slot.get().slot(),
                      finding.resourceId(),
                      lastRotated,
                      finding.deadline(),
                      Optional.empty(),
                      row.get().passwordEnabled())));
    }
    for (DeactivatedKey key : request.deactivated()) {
      KeyNoticeState state = claimed.get(KeyNoticeState.keyId(key.resourceId(), key.lastRotated()));
      String stage = deactivationStage(request.reactivations().getOrDefault(key.accessKeyId(), 0));
      if (state != null && state.stages().contains(stage)) {
        continue;
      }
      boolean person =
          row(inventory, key.userName()).map(CredentialReportRow::passwordEnabled).orElse(false);
      recipient(inventory, key.userName(), ownerTagKeys, fallbackOwner)
          .ifPresent(
              to ->
                  items.add(
                      new Item(
                          to,
                          NoticeKind.DEACTIVATION,
                          stage,
                          key.userName(),
                          key.slot(),
                          key.resourceId(),
                          key.lastRotated(),
                          Optional.empty(),
                          Optional.of(key.accessKeyId()),
                          person)));
    }
    return drafts(request.accountId(), request.runId(), items, asOf);
  }

  /** The nearest stage the deadline is within; past the deadline, the nearest stage of all. */
  static Optional<String> dueStage(List<Integer> stagesDescending, Instant deadline, Instant asOf) {
    Duration left = Duration.between(asOf, deadline);
    Optional<String> due = Optional.empty();
    for (int days : stagesDescending) {
      if (left.compareTo(Duration.ofDays(days)) <= 0) {
        due = Optional.of(days + "d");
      }
    }
    return due;
  }

  /**
   * Whether this stage, a nearer one, or the deactivation notice was already claimed for the key.
   */
  static boolean alreadyCovered(KeyNoticeState state, String stage) {
    if (state == null) {
      return false;
    }
    int due = days(stage);
    return state.stages().stream()
        .anyMatch(s -> s.startsWith(DEACTIVATED) || (s.endsWith("d") && days(s) <= due));
  }

  private static int days(String stage) {
    try {
      return Integer.parseInt(stage.substring(0, stage.length() - 1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static boolean isKeyDeadlineFinding(Finding f) {
    return CheckCatalog.has(f.checkId(), CheckTrait.KEY_DEADLINE);
  }

  private static Optional<CredentialReportRow> row(AccountInventory inventory, String userName) {
    return inventory.credentialReport().users().stream()
        .filter(r -> r.user().equals(userName))
        .findFirst();
  }

  private static Optional<AccessKeySlot> slot(CredentialReportRow row, String resourceId) {
    return row.accessKeys().stream()
        .filter(s -> resourceId.endsWith("#" + s.slotName()))
        .findFirst();
  }

  private static Optional<String> recipient(
      AccountInventory inventory,
      String userName,
      List<String> ownerTagKeys,
      Optional<String> fallback) {
    Optional<IamUser> user = inventory.authorization().flatMap(a -> a.user(userName));
    return user.flatMap(u -> Owners.validOwner(u, ownerTagKeys)).or(() -> fallback);
  }

  private static List<NoticeDraft> drafts(
      String accountId, String runId, List<Item> items, Instant asOf) {
    Map<String, List<Item>> byRecipientAndKind = new TreeMap<>();
    for (Item item : items) {
      byRecipientAndKind
          .computeIfAbsent(item.recipient() + "\n" + item.kind().wire(), k -> new ArrayList<>())
          .add(item);
    }
    List<NoticeDraft> drafts = new ArrayList<>();
    for (List<Item> group : byRecipientAndKind.values()) {
      group.sort(Comparator.comparing(Item::userName).thenComparing(Item::slot));
      for (int from = 0, part = 1; from < group.size(); from += MAX_KEYS_PER_NOTICE, part++) {
        List<Item> chunk = group.subList(from, Math.min(group.size(), from + MAX_KEYS_PER_NOTICE));
        Item first = chunk.get(0);
        String id =
            runId
                + "#"
                + first.recipient()
                + "#"
                + first.kind().wire()
                + (part > 1 ? "#" + part : "");
        Map<String, NoticeDraft.StageClaim> claims = new LinkedHashMap<>();
        for (Item item : chunk) {
          claims.put(
              KeyNoticeState.keyId(item.resourceId(), item.lastRotated()),
              new NoticeDraft.StageClaim(item.resourceId(), item.lastRotated(), item.stage()));
        }
        drafts.add(
            new NoticeDraft(
                id,
                first.recipient(),
                first.kind(),
                NoticeText.subject(accountId, chunk),
                NoticeText.body(accountId, chunk, asOf),
                claims,
                Map.of(
                    "recipient",
                    first.recipient(),
                    "kind",
                    first.kind().wire(),
                    "accountId",
                    accountId)));
      }
    }
    return drafts;
  }
}
