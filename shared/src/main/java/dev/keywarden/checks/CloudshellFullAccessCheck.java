package dev.keywarden.checks;

import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.IamGroup;
import dev.keywarden.inventory.IamRole;
import dev.keywarden.inventory.IamUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds identities with AWSCloudShellFullAccess, which lets them move files in and out of a shell
 * unmonitored.
 */
public final class CloudshellFullAccessCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "cloudshell-full-access",
          "AWSCloudShellFullAccess is attached to an identity",
          "A user, group or role with the AWS-managed policy AWSCloudShellFullAccess attached.",
          Severity.MEDIUM,
          List.of("1.22"),
          List.of("1.21"),
          List.of("IAM.27"),
          "Detach AWSCloudShellFullAccess; where CloudShell is needed, grant a policy that denies file upload and download"
              + " (`cloudshell:PutFileUpload`, `cloudshell:GetFileDownloadUrls`).");

  CloudshellFullAccessCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    if (context.inventory().authorization().isEmpty() || Surfaces.of(context).isEmpty()) {
      return CheckOutcome.skipped(Surfaces.MISSING);
    }
    String arn = Surfaces.CLOUDSHELL_FULL_ACCESS_ARN;
    String account = context.accountId();
    AuthorizationDetails details = context.inventory().authorization().get();
    List<Finding> findings = new ArrayList<>();
    for (IamUser user : details.usersByName()) {
      if (Surfaces.attaches(user.attachedPolicies(), arn)) {
        findings.add(
            Finding.of(
                METADATA,
                account,
                user.name(),
                user.arn(),
                "user " + user.name() + " has AWSCloudShellFullAccess"));
      }
    }
    for (IamGroup group :
        details.groups().values().stream().sorted(Comparator.comparing(IamGroup::name)).toList()) {
      if (Surfaces.attaches(group.attachedPolicies(), arn)) {
        findings.add(
            Finding.of(
                METADATA,
                account,
                "group/" + group.name(),
                "arn:aws:iam::" + account + ":group/" + group.name(),
                "group " + group.name() + " has AWSCloudShellFullAccess"));
      }
    }
    for (IamRole role : Surfaces.of(context).get().roles()) {
      if (Surfaces.attaches(role.attachedPolicies(), arn)) {
        findings.add(
            Finding.of(
                METADATA,
                account,
                "role/" + role.name(),
                role.arn(),
                "role " + role.name() + " has AWSCloudShellFullAccess"));
      }
    }
    return CheckOutcome.of(findings);
  }
}
