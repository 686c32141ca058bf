package dev.keywarden.checks;

import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.CredentialReportRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds active keys nobody uses: removing them shrinks the attack surface at no cost. */
public final class KeyUnusedCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "key-unused",
              "Active access key has not been used recently",
              "An active IAM user key last used `unused-days` (45) or more days ago, or never used and rotated `unused-days` or more days ago.",
              Severity.MEDIUM,
              List.of("1.12"),
              List.of("IAM.8", "IAM.22"),
              "Deactivate the unused key, wait to see that nothing breaks, then delete it. If it is still needed, record why in"
                  + " the user's tags and rotate it.")
          .withTraits(CheckTrait.USER_ROWS);

  KeyUnusedCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    Optional<String> missing =
        Needs.columns(context, Needs.all(Needs.KEYS_ROTATED, Needs.KEYS_USED));
    if (missing.isPresent()) {
      return CheckOutcome.skipped(missing.get());
    }
    Instant asOf = context.asOf();
    int limit = context.policy().unusedDays();
    List<Finding> findings = new ArrayList<>();
    for (CredentialReportRow row : context.inventory().credentialReport().users()) {
      for (AccessKeySlot slot : row.activeKeys()) {
        String message = null;
        if (slot.lastUsed().isPresent()) {
          Instant used = slot.lastUsed().get();
          if (Resources.atLeastDaysAgo(used, asOf, limit)) {
            message =
                slot.slotName()
                    + " of "
                    + row.user()
                    + " was last used "
                    + Resources.plural(Resources.days(used, asOf), "day")
                    + " ago, on "
                    + used
                    + " (limit "
                    + limit
                    + " days)";
          }
        } else if (slot.lastRotated().isPresent()
            && Resources.atLeastDaysAgo(slot.lastRotated().get(), asOf, limit)) {
          Instant created = slot.lastRotated().get();
          message =
              slot.slotName()
                  + " of "
                  + row.user()
                  + " has never been used and was created "
                  + Resources.plural(Resources.days(created, asOf), "day")
                  + " ago, on "
                  + created
                  + " (limit "
                  + limit
                  + " days)";
        }
        if (message != null) {
          findings.add(
              Finding.of(
                  METADATA,
                  context.accountId(),
                  row.user(),
                  Resources.key(row.arn(), slot),
                  message));
        }
      }
    }
    return CheckOutcome.of(findings);
  }
}
