package dev.keywarden.aws;

import dev.keywarden.config.OrgSettings;
import dev.keywarden.emulator.AccountSeeder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/**
 * An Organization on the emulator: the management account is the emulator's default account, and
 * member accounts are created through Organizations, which (like AWS) puts an {@code
 * OrganizationAccountAccessRole} in each; the tests enter members through that role to arrange
 * users and the audit role, exactly as an administrator would.
 */
final class EmulatedOrganization {
  static final String ADMIN_ROLE = "OrganizationAccountAccessRole";
  static final String EXTERNAL_ID = "keywarden-test-external-id";

  /** What an audit does in a member account, and nothing more. */
  static final String AUDIT_ROLE_PERMISSIONS =
      """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[
        "iam:GenerateCredentialReport","iam:GetCredentialReport","iam:GetAccountAuthorizationDetails",
        "iam:GetAccountSummary","iam:GetAccountPasswordPolicy","iam:ListVirtualMFADevices",
        "iam:ListAccessKeys","iam:UpdateAccessKey","iam:ListServerCertificates","iam:ListSigningCertificates",
        "iam:ListSSHPublicKeys","iam:ListServiceSpecificCredentials","iam:ListOrganizationsFeatures",
        "access-analyzer:ListAnalyzers"],"Resource":"*"}]}""";

  private final AwsClientFactory management;
  private final String rootId;
  private final MemberAccountClients admin;

  private EmulatedOrganization(AwsClientFactory management, String rootId) {
    this.management = management;
    this.rootId = rootId;
    this.admin =
        MemberAccountClients.create(
            management, OrgSettings.enteringThrough(ADMIN_ROLE, Optional.empty()));
  }

  /** Creates the Organization with the management factory's account as its management account. */
  static EmulatedOrganization create(AwsClientFactory management) {
    management.organizations().createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    String rootId = management.organizations().listRoots().roots().get(0).id();
    return new EmulatedOrganization(management, rootId);
  }

  String rootId() {
    return rootId;
  }

  String managementAccountId() {
    return admin.caller().accountId();
  }

  /** Creates member accounts (the emulator creates them at once) and returns their ids. */
  List<String> createAccounts(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = prefix + "-" + i;
      CreateAccountStatus status =
          management
              .organizations()
              .createAccount(r -> r.accountName(name).email(name + "@example.com"))
              .createAccountStatus();
      ids.add(status.accountId());
    }
    return ids;
  }

  /** Creates an OU under the root and moves the accounts into it; returns its id. */
  String createOu(String name, List<String> accountIds) {
    String ouId =
        management
            .organizations()
            .createOrganizationalUnit(r -> r.parentId(rootId).name(name))
            .organizationalUnit()
            .id();
    for (String accountId : accountIds) {
      management
          .organizations()
          .moveAccount(
              r -> r.accountId(accountId).sourceParentId(rootId).destinationParentId(ouId));
    }
    return ouId;
  }

  /** Clients acting in the member account as its administrator; the caller closes them. */
  AwsClientFactory asAdministrator(String accountId) {
    return admin.forAccount(accountId, "arrange");
  }

  /**
   * Creates the audit role in the member account: trusted by {@code auditorArn} with the
   * ExternalId, allowed exactly what an audit does.
   */
  void createAuditRole(String accountId, String auditorArn) {
    String trust =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"sts:AssumeRole",
          "Condition":{"StringEquals":{"sts:ExternalId":"%s"}}}]}"""
            .formatted(auditorArn, EXTERNAL_ID);
    try (AwsClientFactory member = asAdministrator(accountId)) {
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

  /**
   * A user with an active key, owned by {@code owner}, whose key is due for rotation after 30 days.
   */
  void createServiceUser(String accountId, String user, String owner) {
    createServiceUser(accountId, user, Map.of("owner", owner));
  }

  /**
   * A service user with a 30-day key limit, one key, and the given extra tags (none: no owner tag).
   */
  void createServiceUser(String accountId, String user, Map<String, String> tags) {
    createServiceUser(accountId, user, tags, 30);
  }

  /**
   * A service user owned by {@code owner} whose one key expires {@code maxKeyAgeDays} after it is
   * made, so that one Organization holds keys at every notice stage and past their deadline.
   */
  void createServiceUser(String accountId, String user, String owner, int maxKeyAgeDays) {
    createServiceUser(accountId, user, Map.of("owner", owner), maxKeyAgeDays);
  }

  private void createServiceUser(
      String accountId, String user, Map<String, String> tags, int maxKeyAgeDays) {
    try (AwsClientFactory member = asAdministrator(accountId)) {
      AccountSeeder seeder = AccountSeeder.using(member.iam());
      Map<String, String> all = new java.util.HashMap<>(tags);
      all.put(dev.keywarden.config.AuditPolicy.MAX_KEY_AGE_TAG, Integer.toString(maxKeyAgeDays));
      seeder.createUser(user, all);
      seeder.addAccessKey(user);
    }
  }
}
