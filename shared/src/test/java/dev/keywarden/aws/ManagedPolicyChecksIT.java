package dev.keywarden.aws;

import static dev.keywarden.aws.SurfaceAudits.principals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.Finding;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Every new family of checks, on conditions seeded through the real IAM API of the emulator: each
 * fires, and stays quiet once the condition is fixed. The audit is evaluated 100 days after seeding
 * (the emulator stamps everything with the current time), so credentials and roles made now are old
 * by then.
 */
/**
 * The checks that need AWS-managed policies attached (AdministratorAccess, AWSSupportAccess,
 * AWSCloudShellFullAccess), on an emulator of their own started with {@code
 * MOTO_IAM_LOAD_MANAGED_POLICIES}: the shared one does not load those policies, which would slow
 * every other test's reset.
 */
class ManagedPolicyChecksIT {
  private static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";
  private static final String TRUST_ACCOUNT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";

  private static MotoServer server;
  private static AwsEndpoint emulator;
  private AwsClientFactory clients;
  private IamClient iam;

  @BeforeAll
  static void start() {
    server = MotoServer.builder().environment("MOTO_IAM_LOAD_MANAGED_POLICIES", "true").build();
    emulator = server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void connect() {
    server.reset();
    clients = EmulatorClients.of(emulator);
    iam = clients.iam();
  }

  @AfterEach
  void close() {
    clients.close();
  }

  private AuditResult audit() {
    return SurfaceAudits.audit(clients, AuditPolicy.defaults());
  }

  @Test
  void groupWithAdministratorAccess_firesGroupFullAdmin_andIsQuietOnceDetached() {
    iam.createGroup(r -> r.groupName("admins"));
    iam.attachGroupPolicy(r -> r.groupName("admins").policyArn(ADMINISTRATOR_ACCESS));

    assertThat(principals(audit(), "group-full-admin")).containsExactly("group/admins");

    iam.detachGroupPolicy(r -> r.groupName("admins").policyArn(ADMINISTRATOR_ACCESS));
    assertThat(principals(audit(), "group-full-admin")).isEmpty();
  }

  @Test
  void supportRoleAndCloudShell_fireUntilFixed() {
    iam.createUser(r -> r.userName("shell"));
    iam.attachUserPolicy(
        r -> r.userName("shell").policyArn("arn:aws:iam::aws:policy/AWSCloudShellFullAccess"));

    AuditResult before = audit();
    assertThat(principals(before, "support-role-missing")).containsExactly(Finding.ACCOUNT);
    assertThat(principals(before, "cloudshell-full-access")).containsExactly("shell");

    iam.createRole(r -> r.roleName("support").assumeRolePolicyDocument(TRUST_ACCOUNT));
    iam.attachRolePolicy(
        r -> r.roleName("support").policyArn("arn:aws:iam::aws:policy/AWSSupportAccess"));
    iam.detachUserPolicy(
        r -> r.userName("shell").policyArn("arn:aws:iam::aws:policy/AWSCloudShellFullAccess"));
    AuditResult after = audit();
    assertThat(principals(after, "support-role-missing")).isEmpty();
    assertThat(principals(after, "cloudshell-full-access")).isEmpty();
  }

  @Test
  void adminWithVirtualMfa_firesAdminNoHardwareMfa_andIsQuietOnceNotAdmin() {
    AccountSeeder seed = AccountSeeder.using(iam);
    seed.createUser("boss", java.util.Map.of());
    iam.attachUserPolicy(r -> r.userName("boss").policyArn(ADMINISTRATOR_ACCESS));
    seed.enableVirtualMfa("boss");

    assertThat(audit().findings())
        .filteredOn(f -> f.checkId().equals("admin-no-hardware-mfa"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("virtual MFA device"));

    iam.detachUserPolicy(r -> r.userName("boss").policyArn(ADMINISTRATOR_ACCESS));
    assertThat(principals(audit(), "admin-no-hardware-mfa")).isEmpty();
  }
}
