package dev.keywarden.checks;

import dev.keywarden.inventory.ReportColumn;
import java.util.List;
import java.util.Optional;

/** Flags a root user that a stolen password alone would open. */
public final class RootNoMfaCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "root-no-mfa",
              "Root user has no MFA",
              "The root user has no MFA device (from the credential report's root row, else the account summary).",
              Severity.CRITICAL,
              List.of("1.5"),
              List.of("IAM.9"),
              "Sign in as the root user and assign an MFA device under Security credentials, preferably a hardware key or FIDO"
                  + " security key; keep its recovery details somewhere safe.")
          .withTraits(CheckTrait.ROOT);

  RootNoMfaCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    Optional<Boolean> mfa = Root.mfa(context);
    if (mfa.isEmpty()) {
      return CheckOutcome.skipped(Root.unknown(context, ReportColumn.MFA_ACTIVE));
    }
    if (mfa.get()) {
      return CheckOutcome.of(List.of());
    }
    String source =
        Root.row(context, ReportColumn.MFA_ACTIVE).isPresent()
            ? "the credential report's root row has mfa_active false"
            : "the account summary reports AccountMFAEnabled 0";
    return Root.finding(context, METADATA, "the root user has no MFA device: " + source);
  }
}
