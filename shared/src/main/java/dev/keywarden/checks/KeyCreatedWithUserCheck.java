package dev.keywarden.checks;

import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.ReportColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds keys handed to console users at set-up and never used: keys nobody asked for. */
public final class KeyCreatedWithUserCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "key-created-with-user",
              "Console user holds an access key that was never used",
              "A user with a console password and an active access key that has never been used.",
              Severity.LOW,
              List.of("1.11"),
              List.of(),
              "Delete access keys that were created with a console user and never used; create keys only when a user actually"
                  + " needs programmatic access, and prefer IAM Identity Center for people.")
          .withTraits(CheckTrait.USER_ROWS);

  KeyCreatedWithUserCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    Optional<String> missing =
        Needs.columns(
            context,
            Needs.all(
                new ReportColumn[] {ReportColumn.PASSWORD_ENABLED},
                Needs.KEYS_ACTIVE,
                Needs.KEYS_USED));
    if (missing.isPresent()) {
      return CheckOutcome.skipped(missing.get());
    }
    List<Finding> findings = new ArrayList<>();
    for (CredentialReportRow row : context.inventory().credentialReport().users()) {
      if (!row.passwordEnabled()) {
        continue;
      }
      for (AccessKeySlot slot : row.activeKeys()) {
        if (slot.lastUsed().isEmpty()) {
          String created = slot.lastRotated().map(t -> " (created " + t + ")").orElse("");
          String message =
              row.user()
                  + " has a console password and its "
                  + slot.slotName()
                  + created
                  + " has never been used";
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
