package dev.keywarden.remediate;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.ExemptedFinding;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.KeyExpiredCheck;
import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.ReportColumn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds an inventory and its audit result for planner tests: users with expired keys, exempted or
 * not.
 */
final class PlannerFixture {
  static final String ACCOUNT = "123456789012";
  static final Instant AS_OF = Instant.parse("2026-11-24T12:00:00Z");

  private final Map<String, AccessKeySlot[]> users = new LinkedHashMap<>();
  private final List<Finding> findings = new ArrayList<>();
  private final List<ExemptedFinding> exempted = new ArrayList<>();

  static String arn(String user) {
    return "arn:aws:iam::" + ACCOUNT + ":user/" + user;
  }

  static String resourceId(String user, int slot) {
    return arn(user) + "#access_key_" + slot;
  }

  static Instant rotated(long daysAgo) {
    return AS_OF.minus(Duration.ofDays(daysAgo));
  }

  /**
   * An active key in the user's slot, rotated {@code daysAgo}, with an open key-expired finding
   * (max age 90).
   */
  PlannerFixture expired(String user, int slot, long daysAgo) {
    addKey(user, slot, daysAgo);
    findings.add(finding(user, slot, daysAgo));
    return this;
  }

  /** The same, but the finding was set aside by an exemption. */
  PlannerFixture exempted(String user, int slot, long daysAgo) {
    addKey(user, slot, daysAgo);
    exempted.add(
        new ExemptedFinding(finding(user, slot, daysAgo), LocalDate.of(2027, 1, 31), "migration"));
    return this;
  }

  /** Puts the slot as given in the user's row, without a finding. */
  PlannerFixture slot(String user, AccessKeySlot slot) {
    addKey(user, slot.slot(), 0);
    users.get(user)[slot.slot() - 1] = slot;
    return this;
  }

  /** Adds an open finding as given, without touching the inventory. */
  PlannerFixture finding(Finding finding) {
    findings.add(finding);
    return this;
  }

  static Finding finding(String user, int slot, long daysAgo) {
    Instant deadline = rotated(daysAgo).plus(Duration.ofDays(90));
    return Finding.of(
            KeyExpiredCheck.METADATA,
            ACCOUNT,
            user,
            resourceId(user, slot),
            "access_key_" + slot + " of " + user + " is old")
        .withDeadline(deadline);
  }

  private void addKey(String user, int slot, long daysAgo) {
    AccessKeySlot[] slots =
        users.computeIfAbsent(
            user,
            u ->
                new AccessKeySlot[] {
                  new AccessKeySlot(1, false, Optional.empty(), Optional.empty()),
                  new AccessKeySlot(2, false, Optional.empty(), Optional.empty())
                });
    slots[slot - 1] =
        new AccessKeySlot(slot, true, Optional.of(rotated(daysAgo)), Optional.empty());
  }

  AccountInventory inventory() {
    List<CredentialReportRow> rows = new ArrayList<>();
    int line = 2;
    for (Map.Entry<String, AccessKeySlot[]> user : users.entrySet()) {
      rows.add(
          new CredentialReportRow(
              user.getKey(),
              arn(user.getKey()),
              line++,
              Optional.of(rotated(400)),
              false,
              Optional.empty(),
              Optional.empty(),
              false,
              List.of(user.getValue())));
    }
    return AccountInventory.offline(
        ACCOUNT,
        AS_OF,
        new CredentialReport(EnumSet.allOf(ReportColumn.class), rows, Optional.empty()));
  }

  AuditResult result() {
    return new AuditResult(ACCOUNT, AS_OF, findings, exempted, Map.of());
  }

  DeactivationPlan plan(Mode mode, int cap, Optional<String> caller) {
    return DeactivationPlanner.plan(ACCOUNT, result(), inventory(), mode, cap, caller);
  }
}
