package dev.keywarden.checks;

import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.ReportColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds users who can sign in to the console with a password alone. */
public final class ConsoleWithoutMfaCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "console-without-mfa",
              "Console user has no MFA",
              "A user with a console password and no active MFA device.",
              Severity.HIGH,
              List.of("1.10"),
              List.of("IAM.5", "IAM.19"),
              "Assign an MFA device to the user (IAM console: Users, the user, Security credentials, Assign MFA device), or remove"
                  + " the console password if the user does not sign in.")
          .withTraits(CheckTrait.USER_ROWS);

  ConsoleWithoutMfaCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    Optional<String> missing =
        Needs.columns(context, ReportColumn.PASSWORD_ENABLED, ReportColumn.MFA_ACTIVE);
    if (missing.isPresent()) {
      return CheckOutcome.skipped(missing.get());
    }
    List<Finding> findings = new ArrayList<>();
    for (CredentialReportRow row : context.inventory().credentialReport().users()) {
      if (row.passwordEnabled() && !row.mfaActive()) {
        String message =
            row.user() + " can sign in to the console with a password but has no active MFA device";
        findings.add(Finding.of(METADATA, context.accountId(), row.user(), row.arn(), message));
      }
    }
    return CheckOutcome.of(findings);
  }
}
