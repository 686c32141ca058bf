package dev.keywarden.remediate;

import dev.keywarden.InvalidInputException;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.ExemptedFinding;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.KeyExpiredCheck;
import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReportRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses which expired keys a run deactivates, applying every safety rail before any call is made:
 * exempted findings are never acted on, the caller's own keys are refused, and at most {@code cap}
 * keys per account per run are taken, oldest deadline first; the rest are deferred with a finding.
 */
public final class DeactivationPlanner {
  /** Deactivations per account per run unless configured otherwise. */
  public static final int DEFAULT_CAP = 20;

  private static final String KEY_MARKER = "#access_key_";

  private DeactivationPlanner() {}

  /**
   * Plans one account's deactivations.
   *
   * @param accountId the account; must be the one {@code result} and {@code inventory} are about
   * @param result the audit; only its open {@code key-expired} findings are candidates
   * @param inventory the inventory the audit ran on: it gives each key's last rotation
   * @param mode enforce mode adds a {@code deactivation-deferred} finding for each deferred key
   * @param cap the most keys to deactivate in this account in this run, zero or more
   * @param callerArn the principal that will make the calls; when it is an IAM user of this
   *     account, none of that user's keys is deactivated
   * @throws InvalidInputException when the cap is negative
   */
  public static DeactivationPlan plan(
      String accountId,
      AuditResult result,
      AccountInventory inventory,
      Mode mode,
      int cap,
      Optional<String> callerArn) {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(callerArn, "callerArn");
    if (cap < 0) {
      throw new InvalidInputException(
          "deactivation cap: "
              + cap
              + " is negative; use 0 to deactivate nothing, or a positive number of keys per account"
              + " per run (default "
              + DEFAULT_CAP
              + ")");
    }
    if (!accountId.equals(result.accountId()) || !accountId.equals(inventory.accountId())) {
      throw new IllegalArgumentException(
          "audit of "
              + result.accountId()
              + " and inventory of "
              + inventory.accountId()
              + " cannot plan account "
              + accountId);
    }
    Set<String> exempted =
        result.exempted().stream()
            .map(ExemptedFinding::finding)
            .filter(DeactivationPlanner::isKeyExpired)
            .map(Finding::resourceId)
            .collect(Collectors.toSet());
    Optional<String> callerUser = callerArn.flatMap(arn -> iamUserName(arn, accountId));

    List<Finding> candidates =
        result.findings().stream()
            .filter(DeactivationPlanner::isKeyExpired)
            .filter(f -> !exempted.contains(f.resourceId()))
            .sorted(
                Comparator.comparing((Finding f) -> f.deadline().orElse(Instant.MIN))
                    .thenComparing(Finding::resourceId))
            .toList();

    List<PlannedDeactivation> deactivate = new ArrayList<>();
    List<PlannedDeactivation> deferred = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Finding finding : candidates) {
      if (callerUser.isPresent() && callerUser.get().equals(finding.principal())) {
        refused.add(
            finding.resourceId()
                + ": not deactivated: it belongs to the caller "
                + callerArn.get()
                + ", and Keywarden never deactivates the key it may be running with");
        continue;
      }
      if (finding.deadline().isEmpty()) {
        refused.add(finding.resourceId() + ": not deactivated: the finding has no deadline");
        continue;
      }
      Optional<PlannedDeactivation> planned =
          toPlanned(finding, finding.deadline().get(), inventory);
      if (planned.isEmpty()) {
        refused.add(
            finding.resourceId()
                + ": not deactivated: the credential report has no active key with a last"
                + " rotation date in that slot, so the key cannot be identified");
      } else if (deactivate.size() < cap) {
        deactivate.add(planned.get());
      } else {
        deferred.add(planned.get());
      }
    }
    List<Finding> deferredFindings =
        mode == Mode.ENFORCE
            ? deferred.stream()
                .map(key -> DeactivationDeferred.finding(accountId, key, cap))
                .toList()
            : List.of();
    return new DeactivationPlan(deactivate, deferred, deferredFindings, refused);
  }

  private static boolean isKeyExpired(Finding finding) {
    return KeyExpiredCheck.METADATA.id().equals(finding.checkId());
  }

  /**
   * The key the finding names, with its last rotation from the inventory; empty when not found
   * there.
   */
  private static Optional<PlannedDeactivation> toPlanned(
      Finding finding, Instant deadline, AccountInventory inventory) {
    String resourceId = finding.resourceId();
    int marker = resourceId.lastIndexOf(KEY_MARKER);
    if (marker < 0) {
      return Optional.empty();
    }
    String userArn = resourceId.substring(0, marker);
    String slotText = resourceId.substring(marker + KEY_MARKER.length());
    if (!slotText.equals("1") && !slotText.equals("2")) {
      return Optional.empty();
    }
    int slot = Integer.parseInt(slotText);
    Optional<CredentialReportRow> row =
        inventory.credentialReport().users().stream()
            .filter(r -> r.arn().equals(userArn))
            .findFirst();
    Optional<AccessKeySlot> key = row.flatMap(r -> activeSlot(r, slot));
    return key.flatMap(AccessKeySlot::lastRotated)
        .map(
            rotated ->
                new PlannedDeactivation(
                    finding.principal(),
                    slot,
                    resourceId,
                    rotated,
                    deadline,
                    finding.message(),
                    reportedUse(row.get(), key.get(), rotated)));
  }

  /**
   * The report's last use of the slot and of the other slot, when the other slot's key was created
   * in the same second (whatever its status in the report); empty otherwise.
   */
  private static Optional<ReportedLastUse> reportedUse(
      CredentialReportRow row, AccessKeySlot key, Instant rotated) {
    Instant second = rotated.truncatedTo(ChronoUnit.SECONDS);
    return row.accessKeys().stream()
        .filter(other -> other.slot() != key.slot())
        .filter(
            other ->
                other
                    .lastRotated()
                    .map(r -> r.truncatedTo(ChronoUnit.SECONDS).equals(second))
                    .orElse(false))
        .findFirst()
        .map(other -> new ReportedLastUse(key.lastUsed(), other.lastUsed()));
  }

  private static Optional<AccessKeySlot> activeSlot(CredentialReportRow row, int slot) {
    return row.activeKeys().stream().filter(k -> k.slot() == slot).findFirst();
  }

  /**
   * The user name in an IAM user ARN of the account, {@code
   * arn:<partition>:iam::<account>:user/<path/>name}; empty for roles, assumed roles, root and
   * other accounts' users.
   */
  static Optional<String> iamUserName(String arn, String accountId) {
    String[] parts = arn.split(":", 6);
    if (parts.length != 6
        || !parts[0].equals("arn")
        || !parts[2].equals("iam")
        || !parts[4].equals(accountId)
        || !parts[5].startsWith("user/")) {
      return Optional.empty();
    }
    String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }
}
