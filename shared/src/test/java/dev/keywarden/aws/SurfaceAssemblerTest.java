package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.CredentialReportParser;
import dev.keywarden.inventory.IamRole;
import dev.keywarden.inventory.ManagedPolicy;
import dev.keywarden.inventory.PasswordRules;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * The roles and policies of the authorization-details pages, at unit level (the emulator serves one
 * page).
 */
class SurfaceAssemblerTest {
  private static final String STAR =
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final String TRUST =
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}";
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

  private static GetAccountAuthorizationDetailsResponse rolePage() {
    return GetAccountAuthorizationDetailsResponse.builder()
        .roleDetailList(
            RoleDetail.builder()
                .roleName("ops")
                .arn("arn:aws:iam::1:role/ops")
                .path("/")
                .createDate(CREATED)
                .assumeRolePolicyDocument(
                    URLEncoder.encode(TRUST, StandardCharsets.UTF_8).replace("+", "%20"))
                .roleLastUsed(RoleLastUsed.builder().lastUsedDate(CREATED.plusSeconds(60)).build())
                .attachedManagedPolicies(
                    AttachedPolicy.builder()
                        .policyName("all")
                        .policyArn("arn:aws:iam::1:policy/all")
                        .build())
                .build(),
            RoleDetail.builder()
                .roleName("AWSServiceRoleForSupport")
                .arn("arn:aws:iam::1:role/aws-service-role/support/x")
                .path("/aws-service-role/support.amazonaws.com/")
                .createDate(CREATED)
                .build())
        .isTruncated(true)
        .marker("m")
        .build();
  }

  private static GetAccountAuthorizationDetailsResponse policyPage() {
    return GetAccountAuthorizationDetailsResponse.builder()
        .policies(
            ManagedPolicyDetail.builder()
                .policyName("all")
                .arn("arn:aws:iam::1:policy/all")
                .defaultVersionId("v2")
                .attachmentCount(3)
                .policyVersionList(
                    PolicyVersion.builder()
                        .versionId("v1")
                        .isDefaultVersion(false)
                        .document("{}")
                        .build(),
                    PolicyVersion.builder()
                        .versionId("v2")
                        .isDefaultVersion(true)
                        .document(STAR)
                        .build())
                .build())
        .build();
  }

  @Test
  void roles_whenPolicyIsOnALaterPage_resolveItsDocumentAndReadTrustAndLastUse() {
    List<IamRole> roles = SurfaceAssembler.roles(List.of(rolePage(), policyPage()));

    assertThat(roles).hasSize(2);
    IamRole ops = roles.get(0);
    assertThat(ops.trustPolicy()).isEqualTo(TRUST);
    assertThat(ops.lastUsed()).contains(CREATED.plusSeconds(60));
    assertThat(ops.attachedPolicies())
        .singleElement()
        .satisfies(p -> assertThat(p.document()).isEqualTo(STAR));
    assertThat(ops.serviceLinked()).isFalse();
    assertThat(roles.get(1).serviceLinked()).isTrue();
    assertThat(roles.get(1).lastUsed()).isEmpty();
    assertThat(roles.get(1).trustPolicy()).isEmpty();
  }

  @Test
  void localPolicies_takeTheDefaultVersionAndTheAttachmentCount() {
    assertThat(SurfaceAssembler.localPolicies(List.of(rolePage(), policyPage())))
        .containsExactly(new ManagedPolicy("all", "arn:aws:iam::1:policy/all", STAR, 3));
  }

  @Test
  void virtualMfaUsers_leaveRootOut() {
    List<VirtualMFADevice> devices =
        List.of(
            VirtualMFADevice.builder()
                .serialNumber("arn:aws:iam::1:mfa/alice")
                .user(User.builder().arn("arn:aws:iam::1:user/alice").build())
                .build(),
            VirtualMFADevice.builder()
                .serialNumber("arn:aws:iam::1:mfa/root-account-mfa-device")
                .user(User.builder().arn("arn:aws:iam::1:root").build())
                .build());

    assertThat(IamSurfaceReader.virtualMfaUsers(devices))
        .containsExactly("arn:aws:iam::1:user/alice");
  }

  @Test
  void passwordRules_readEachFlagAndNoPolicyRequiresNothing() {
    assertThat(
            IamSurfaceReader.passwordRules(
                Optional.of(
                    PasswordPolicy.builder()
                        .requireUppercaseCharacters(true)
                        .requireNumbers(true)
                        .build())))
        .isEqualTo(new PasswordRules(true, false, true, false));
    assertThat(IamSurfaceReader.passwordRules(Optional.empty())).isEqualTo(PasswordRules.none());
  }

  @Test
  void sshPublicKeys_whenOffOrAccountTooLarge_areMissingWithTheCostAndNoCall() {
    try (IamClient unreachable =
        IamClient.builder()
            .region(Region.AWS_GLOBAL)
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .build()) {
      IamSurfaceReader reader = new IamSurfaceReader(unreachable, "arn:aws:iam::1:user/auditor");
      var report =
          CredentialReportParser.parse(
              "user,arn\na,arn:aws:iam::1:user/a\nb,arn:aws:iam::1:user/b\n", "report");

      assertThat(reader.sshPublicKeys(report, 0).missingBecause())
          .hasValueSatisfying(
              r ->
                  assertThat(r)
                      .contains(
                          "one iam:ListSSHPublicKeys call per user", "ssh-key-max-users is 0"));
      assertThat(reader.sshPublicKeys(report, 1).missingBecause())
          .hasValueSatisfying(
              r -> assertThat(r).contains("2 users, more than ssh-key-max-users (1)"));
    }
  }
}
