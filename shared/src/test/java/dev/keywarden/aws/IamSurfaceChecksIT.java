package dev.keywarden.aws;

import static dev.keywarden.aws.SurfaceAudits.principals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.Finding;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * Every new family of checks, on conditions seeded through the real IAM API of the emulator: each
 * fires, and stays quiet once the condition is fixed. The audit is evaluated 100 days after seeding
 * (the emulator stamps everything with the current time), so credentials and roles made now are old
 * by then.
 */
@WithEmulator
class IamSurfaceChecksIT {
  private static final String ADMIN =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final String S3_ALL =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
  private static final String TRUST_ANYONE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}";
  private static final String TRUST_ACCOUNT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
  private static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";
  private static final String SSH_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 dev@example.com";

  private AwsClientFactory clients;
  private IamClient iam;
  private final List<String> policyArns = new ArrayList<>();

  @BeforeEach
  void connect(AwsEndpoint emulator) {
    clients = EmulatorClients.of(emulator);
    iam = clients.iam();
  }

  @AfterEach
  void close() {
    clients.close();
  }

  private AuditResult audit() {
    return SurfaceAudits.audit(clients, AuditPolicy.defaults().withSshKeyMaxUsers(100));
  }

  private static String certificate() throws IOException {
    try (InputStream in =
        IamSurfaceChecksIT.class.getResourceAsStream("/certificates/signing-cert.pem")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void roleWithStarPolicy_firesRoleFullAdminAndUnused_andIsQuietOnceFixed() {
    iam.createRole(r -> r.roleName("deployer").assumeRolePolicyDocument(TRUST_ACCOUNT));
    iam.putRolePolicy(r -> r.roleName("deployer").policyName("everything").policyDocument(ADMIN));

    AuditResult before = audit();
    assertThat(principals(before, "role-full-admin")).containsExactly("role/deployer");
    assertThat(principals(before, "role-unused")).containsExactly("role/deployer");

    iam.deleteRolePolicy(r -> r.roleName("deployer").policyName("everything"));
    assertThat(principals(audit(), "role-full-admin")).isEmpty();
    iam.deleteRole(r -> r.roleName("deployer"));
    assertThat(principals(audit(), "role-unused")).isEmpty();
  }

  @Test
  void customerPolicies_withStarAndServiceWildcard_fire_andAreQuietOnceDeleted() {
    String all = iam.createPolicy(r -> r.policyName("all").policyDocument(ADMIN)).policy().arn();
    String s3 = iam.createPolicy(r -> r.policyName("s3-all").policyDocument(S3_ALL)).policy().arn();

    AuditResult before = audit();
    assertThat(principals(before, "policy-full-admin")).containsExactly("policy/all");
    assertThat(principals(before, "policy-service-wildcard")).containsExactly("policy/s3-all");

    iam.deletePolicy(r -> r.policyArn(all));
    iam.deletePolicy(r -> r.policyArn(s3));
    AuditResult after = audit();
    assertThat(principals(after, "policy-full-admin")).isEmpty();
    assertThat(principals(after, "policy-service-wildcard")).isEmpty();
  }

  @Test
  void trustPolicyOpenToStar_firesRoleTrustOpen_andIsQuietOnceNarrowed() {
    iam.createRole(r -> r.roleName("open").assumeRolePolicyDocument(TRUST_ANYONE));

    assertThat(principals(audit(), "role-trust-open")).containsExactly("role/open");

    iam.updateAssumeRolePolicy(r -> r.roleName("open").policyDocument(TRUST_ACCOUNT));
    assertThat(principals(audit(), "role-trust-open")).isEmpty();
  }

  @Test
  void expiredServerCertificate_firesServerCertExpired_andIsQuietOnceDeleted() throws IOException {
    String body = certificate();
    // The emulator reports every server certificate as expired in 2012, whatever its body says.
    iam.uploadServerCertificate(
        r ->
            r.serverCertificateName("www")
                .certificateBody(body)
                .privateKey("test-only placeholder"));

    assertThat(principals(audit(), "server-cert-expired"))
        .containsExactly("server-certificate/www");

    iam.deleteServerCertificate(r -> r.serverCertificateName("www"));
    assertThat(principals(audit(), "server-cert-expired")).isEmpty();
  }

  @Test
  void oldSigningCertificate_firesSigningCertOld_andIsQuietOnceDeactivated() throws IOException {
    String body = certificate();
    iam.createUser(r -> r.userName("legacy"));
    String id =
        iam.uploadSigningCertificate(r -> r.userName("legacy").certificateBody(body))
            .certificate()
            .certificateId();

    AuditResult before = audit();
    assertThat(before.findings())
        .filteredOn(f -> f.checkId().equals("signing-cert-old"))
        .singleElement()
        .satisfies(f -> assertThat(f.resourceId()).endsWith("#signing-certificate/" + id));

    iam.updateSigningCertificate(
        r -> r.userName("legacy").certificateId(id).status(StatusType.INACTIVE));
    assertThat(principals(audit(), "signing-cert-old")).isEmpty();
  }

  @Test
  void sshKey_firesSshKeyOld_andIsQuietOnceDeactivated() {
    iam.createUser(r -> r.userName("dev"));
    String id =
        iam.uploadSSHPublicKey(r -> r.userName("dev").sshPublicKeyBody(SSH_KEY))
            .sshPublicKey()
            .sshPublicKeyId();

    assertThat(principals(audit(), "ssh-key-old")).containsExactly("dev");

    iam.updateSSHPublicKey(r -> r.userName("dev").sshPublicKeyId(id).status(StatusType.INACTIVE));
    assertThat(principals(audit(), "ssh-key-old")).isEmpty();
  }

  @Test
  void sshKeys_whenAccountLargerThanTheSetting_areSkippedNotPassed() {
    iam.createUser(r -> r.userName("dev"));
    iam.uploadSSHPublicKey(r -> r.userName("dev").sshPublicKeyBody(SSH_KEY));
    AuditResult result = SurfaceAudits.audit(clients, AuditPolicy.defaults());

    assertThat(result.skipped()).containsKey("ssh-key-old");
    assertThat(result.skipped().get("ssh-key-old")).contains("ssh-key-max-users");
  }

  @Test
  void weakPasswordPolicy_firesEachPartByName_andIsQuietOnceStrong() {
    iam.updateAccountPasswordPolicy(
        r ->
            r.minimumPasswordLength(14)
                .passwordReusePrevention(24)
                .requireLowercaseCharacters(true));

    assertThat(audit().findings())
        .extracting(Finding::checkId)
        .contains(
            "password-policy-uppercase",
            "password-policy-numbers",
            "password-policy-symbols",
            "password-policy-expiry")
        .doesNotContain("password-policy-lowercase", "password-policy-weak");

    iam.updateAccountPasswordPolicy(
        r ->
            r.minimumPasswordLength(14)
                .passwordReusePrevention(24)
                .requireLowercaseCharacters(true)
                .requireUppercaseCharacters(true)
                .requireNumbers(true)
                .requireSymbols(true)
                .maxPasswordAge(90));
    assertThat(audit().findings())
        .extracting(Finding::checkId)
        .noneMatch(id -> id.startsWith("password-policy"));
  }

  @Test
  void apisTheEmulatorLacks_areSkippedAsRefusedNeverPassed() {
    AuditResult result = audit();

    assertThat(result.skipped())
        .containsKeys(
            "service-credential-old", "root-access-not-centralized", "access-analyzer-disabled");
    assertThat(result.skipped().get("service-credential-old"))
        .contains("refused iam:ListServiceSpecificCredentials as unknown");
    assertThat(result.skipped().get("root-access-not-centralized"))
        .contains("refused iam:ListOrganizationsFeatures as unknown");
    assertThat(result.skipped().get("access-analyzer-disabled"))
        .contains("refused access-analyzer:ListAnalyzers as unknown");
    assertThat(result.findings())
        .extracting(Finding::checkId)
        .doesNotContain(
            "service-credential-old", "root-access-not-centralized", "access-analyzer-disabled");
  }
}
