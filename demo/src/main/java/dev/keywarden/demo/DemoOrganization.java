package dev.keywarden.demo;

import dev.keywarden.KeywardenException;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.MemberAccountClients;
import dev.keywarden.config.OrgSettings;
import dev.keywarden.emulator.AccountSeeder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/**
 * Builds the demo's Organization on the local emulator the way an administrator would in AWS: the
 * Organization, member accounts (each with the {@code OrganizationAccountAccessRole} Organizations
 * makes), the audit role in each member, and the users of {@link DemoAccount}; so that the demo
 * runs the real Organization-wide pipeline, roles included.
 */
public final class DemoOrganization {
  /** The ExternalId the demo's audit roles require. */
  public static final String EXTERNAL_ID = "keywarden-demo";

  /** The role Organizations creates in each new member account for its administrators. */
  static final String ADMIN_ROLE = "OrganizationAccountAccessRole";

  /** What an audit does in a member account, and nothing more: member-role.yaml's permissions. */
  static final String AUDIT_ROLE_PERMISSIONS =
      """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[
        "iam:GenerateCredentialReport","iam:GetCredentialReport","iam:GetAccountAuthorizationDetails",
        "iam:GetAccountSummary","iam:GetAccountPasswordPolicy","iam:ListVirtualMFADevices",
        "iam:ListAccessKeys","iam:UpdateAccessKey","iam:ListServerCertificates","iam:ListSigningCertificates",
        "iam:ListSSHPublicKeys","iam:ListServiceSpecificCredentials","iam:ListOrganizationsFeatures",
        "access-analyzer:ListAnalyzers"],"Resource":"*"}]}""";

  /** One account of the demo Organization and its seeded users. */
  public record Account(
      String id, String name, DemoAccount.Kind kind, List<DemoAccount.SeededUser> users) {
    public Account {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      users = List.copyOf(users);
    }
  }

  private DemoOrganization() {}

  /**
   * Creates the Organization with the caller's account as management account, three members, their
   * audit roles (trusting the management account with {@link #EXTERNAL_ID}), and every user.
   *
   * @param management clients of the emulator's default account, which becomes the management
   *     account
   * @param today the real date, from which exemption dates are set
   * @param progress told the name of each account as it is being made
   * @return the management account first, then the members
   * @throws KeywardenException when the emulator refuses a call
   */
  public static List<Account> create(
      AwsClientFactory management, LocalDate today, Consumer<String> progress) {
    try {
      management.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
      MemberAccountClients admin =
          MemberAccountClients.create(
              management, OrgSettings.enteringThrough(ADMIN_ROLE, Optional.of(EXTERNAL_ID)));
      String managementId = admin.caller().accountId();
      List<Account> accounts = new ArrayList<>();
      progress.accept("management");
      accounts.add(
          new Account(
              managementId,
              "management",
              DemoAccount.Kind.MANAGEMENT,
              DemoAccount.seed(
                  DemoAccount.Kind.MANAGEMENT, AccountSeeder.using(management.iam()), today)));
      record Member(String name, DemoAccount.Kind kind) {}
      for (Member m :
          List.of(
              new Member("payments-prod", DemoAccount.Kind.PAYMENTS),
              new Member("data-platform", DemoAccount.Kind.DATA),
              new Member("sandbox", DemoAccount.Kind.SANDBOX))) {
        progress.accept(m.name());
        String id =
            management
                .organizations()
                .createAccount(r -> r.accountName(m.name()).email(m.name() + "@example.com"))
                .createAccountStatus()
                .accountId();
        try (AwsClientFactory member = admin.forAccount(id, "demo-setup")) {
          createAuditRole(member, managementId);
          accounts.add(
              new Account(
                  id,
                  m.name(),
                  m.kind(),
                  DemoAccount.seed(m.kind(), AccountSeeder.using(member.iam()), today)));
        }
      }
      return List.copyOf(accounts);
    } catch (SdkException e) {
      throw new KeywardenException(
          "setting up the demo Organization on the emulator failed: " + e.getMessage(), e);
    }
  }

  /**
   * The member role of member-role.yaml: trusts the management account with the ExternalId, may
   * audit.
   */
  private static void createAuditRole(AwsClientFactory member, String managementId) {
    String trust =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
          "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"%s"}}}]}"""
            .formatted(managementId, EXTERNAL_ID);
    member
        .iam()
        .createRole(
            r -> r.roleName(OrgSettings.DEFAULT_AUDIT_ROLE_NAME).assumeRolePolicyDocument(trust));
    member
        .iam()
        .putRolePolicy(
            r ->
                r.roleName(OrgSettings.DEFAULT_AUDIT_ROLE_NAME)
                    .policyName("keywarden-audit")
                    .policyDocument(AUDIT_ROLE_PERMISSIONS));
  }
}
