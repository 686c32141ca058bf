package dev.keywarden.checks;

import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamSurface;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.inventory.ReportColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds administrators whose second factor can be phished or copied: a virtual device, or none. */
public final class AdminNoHardwareMfaCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "admin-no-hardware-mfa",
              "User with full administrator access has no hardware MFA",
              "A user granted `*:*` (as `user-full-admin` judges it) whose report row shows no active MFA, or whose MFA device"
                  + " is a virtual one (`ListVirtualMFADevices`). A user with both a virtual and a hardware device counts as virtual.",
              Severity.HIGH,
              List.of(),
              List.of(),
              List.of(),
              "Register a hardware MFA device or passkey for the administrator and remove the virtual one; better, move"
                  + " administrators to IAM Identity Center with phishing-resistant MFA.")
          .withTraits(CheckTrait.USER_ROWS);

  AdminNoHardwareMfaCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    Optional<String> missing = Needs.columns(context, ReportColumn.MFA_ACTIVE);
    if (missing.isPresent()) {
      return CheckOutcome.skipped(missing.get());
    }
    if (context.inventory().authorization().isEmpty()) {
      return CheckOutcome.skipped(Needs.AUTHORIZATION);
    }
    Optional<IamSurface> surface = Surfaces.of(context);
    if (surface.isEmpty()) {
      return CheckOutcome.skipped(Surfaces.MISSING);
    }
    AuthorizationDetails details = context.inventory().authorization().get();
    List<Finding> findings = new ArrayList<>();
    for (CredentialReportRow row : context.inventory().credentialReport().users()) {
      Optional<IamUser> user = details.user(row.user());
      if (user.isEmpty() || Surfaces.userAdminGrants(user.get(), details.groups()).isEmpty()) {
        continue;
      }
      String why;
      if (!row.mfaActive()) {
        why = "has no MFA device";
      } else if (surface.get().virtualMfaUsers().contains(row.arn())) {
        why = "has a virtual MFA device, not a hardware one";
      } else {
        continue;
      }
      findings.add(
          Finding.of(
              METADATA,
              context.accountId(),
              row.user(),
              row.arn(),
              row.user() + " is granted *:* (full administrator) and " + why));
    }
    return CheckOutcome.of(findings);
  }
}
