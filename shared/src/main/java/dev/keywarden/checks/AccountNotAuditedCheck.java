package dev.keywarden.checks;

import java.util.List;

/**
 * Records an account the audit could not read, so that a gap in coverage shows up as a finding
 * rather than as silence.
 *
 * <p>It has nothing to evaluate in an inventory (having one means the account was read): the
 * auditor calls {@link #finding} when the role cannot be assumed or the inventory fails.
 */
public final class AccountNotAuditedCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "account-not-audited",
          "Account could not be audited",
          "The audit role could not be assumed in the account, or reading its IAM inventory failed; the other accounts are still audited.",
          Severity.HIGH,
          List.of(),
          List.of(),
          "Check that the KeywardenAuditRole stack instance exists in the account, that the role trusts the auditor role with"
              + " the expected ExternalId and allows the IAM read calls, then rerun the audit for the account.");

  AccountNotAuditedCheck() {}

  /** The finding for an account whose inventory could not be read, and why. */
  public static Finding finding(String accountId, String reason) {
    return Finding.of(
        METADATA,
        accountId,
        Finding.ACCOUNT,
        Resources.rootArn(accountId),
        "account " + accountId + " was not audited: " + reason);
  }

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    return CheckOutcome.of(List.of());
  }
}
