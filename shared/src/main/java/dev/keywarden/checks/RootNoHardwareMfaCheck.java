package dev.keywarden.checks;

import java.util.List;
import java.util.Optional;

/** Flags root MFA that lives on a phone app rather than a dedicated device. */
public final class RootNoHardwareMfaCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "root-no-hardware-mfa",
              "Root user's MFA is virtual, not hardware",
              "The root user's MFA device is a virtual one.",
              Severity.HIGH,
              List.of("1.6"),
              List.of("IAM.6"),
              "Sign in as the root user, assign a hardware MFA device or FIDO security key under Security credentials, then"
                  + " remove the virtual MFA device.")
          .withTraits(CheckTrait.ROOT);

  RootNoHardwareMfaCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    Optional<Boolean> virtual = context.inventory().rootVirtualMfa();
    if (virtual.isEmpty()) {
      return CheckOutcome.skipped(Needs.ROOT_MFA_TYPE);
    }
    if (!virtual.get() || Root.mfa(context).filter(mfa -> !mfa).isPresent()) {
      return CheckOutcome.of(List.of());
    }
    return Root.finding(
        context,
        METADATA,
        "the root user's MFA device is a virtual one; CIS asks for a hardware device");
  }
}
