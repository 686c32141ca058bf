package dev.keywarden.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CheckCatalogTest {
  static Iterable<Check> checks() {
    return CheckCatalog.all();
  }

  @Test
  void all_listsEveryCheckInStableOrder() {
    assertThat(CheckCatalog.all())
        .extracting(c -> c.metadata().id())
        .containsExactly(
            "key-rotation-due",
            "key-expired",
            "key-unused",
            "key-created-with-user",
            "multiple-active-keys",
            "console-without-mfa",
            "console-unused",
            "root-access-key",
            "root-no-mfa",
            "root-no-hardware-mfa",
            "root-recently-used",
            "password-policy-weak",
            "user-direct-policies",
            "user-full-admin",
            "human-long-term-key",
            "owner-missing",
            "account-not-audited",
            "tag-invalid",
            "inventory-gap",
            "signing-cert-old",
            "ssh-key-old",
            "service-credential-old",
            "server-cert-expired",
            "server-cert-expiring",
            "role-unused",
            "role-full-admin",
            "group-full-admin",
            "policy-full-admin",
            "policy-service-wildcard",
            "role-trust-open",
            "support-role-missing",
            "cloudshell-full-access",
            "admin-no-hardware-mfa",
            "password-policy-uppercase",
            "password-policy-lowercase",
            "password-policy-numbers",
            "password-policy-symbols",
            "password-policy-expiry",
            "access-analyzer-disabled",
            "root-access-not-centralized",
            "exemption-requested");
  }

  @Test
  void byId_whenKnown_returnsThatCheck() {
    assertThat(CheckCatalog.byId("key-expired")).containsInstanceOf(KeyExpiredCheck.class);
  }

  @Test
  void byId_whenUnknown_isEmpty() {
    assertThat(CheckCatalog.byId("key-too-old")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void metadata_ofEachCheck_isCompleteAndNamedAfterItsClass(Check check) {
    CheckMetadata metadata = check.metadata();
    String className =
        Arrays.stream(metadata.id().split("-"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining())
            + "Check";

    assertThat(check.getClass().getSimpleName()).isEqualTo(className);
    assertThat(metadata.title()).isNotBlank();
    assertThat(metadata.remediation()).hasSizeGreaterThan(60);
  }

  @Test
  void metadata_compliance_mapsCisAndSecurityHubControls() {
    assertThat(KeyUnusedCheck.METADATA.cis()).containsExactly("1.12");
    assertThat(KeyUnusedCheck.METADATA.securityHub()).containsExactly("IAM.8", "IAM.22");
    assertThat(PasswordPolicyWeakCheck.METADATA.securityHub())
        .containsExactly("IAM.7", "IAM.15", "IAM.16");
    assertThat(RootAccessKeyCheck.METADATA.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void metadata_cisV5_followsV3WithSecurityQuestionsRemoved() {
    assertThat(KeyUnusedCheck.METADATA.cisV5()).containsExactly("1.11");
    assertThat(RootAccessKeyCheck.METADATA.cisV5()).containsExactly("1.3");
    assertThat(PasswordPolicyWeakCheck.METADATA.cisV5()).containsExactly("1.7", "1.8");
    assertThat(UserFullAdminCheck.METADATA.cisV5()).containsExactly("1.15");
    assertThat(ServerCertExpiredCheck.METADATA.cis()).containsExactly("1.19");
    assertThat(ServerCertExpiredCheck.METADATA.cisV5()).containsExactly("1.18");
    assertThat(SupportRoleMissingCheck.METADATA.cisV5()).containsExactly("1.16");
    assertThat(AccessAnalyzerDisabledCheck.METADATA.cisV5()).containsExactly("1.19");
    assertThat(CloudshellFullAccessCheck.METADATA.cisV5()).containsExactly("1.21");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void metadata_cisV5_isV3ConvertedForEveryCheck(Check check) {
    assertThat(check.metadata().cisV5()).isEqualTo(CisNumbers.v5FromV3(check.metadata().cis()));
  }
}
