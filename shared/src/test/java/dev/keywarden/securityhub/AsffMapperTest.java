package dev.keywarden.securityhub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.Severity;
import dev.keywarden.config.SecurityHubSettings;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.StoredFinding;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsffMapperTest {
  private static final String ACCOUNT = "111122223333";
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final SecurityHubSettings PRODUCT =
      SecurityHubSettings.forAccount("999988887777", "eu-west-1");

  @Test
  void map_whenOpen_fillsEveryRequiredAttributeForTheMemberAccountInTheCentralProduct() {
    AsffFinding f =
        AsffMapper.map(
            SecurityHubExportTest.finding("svc-a", FindingStatus.OPEN),
            Optional.of("team@example.com"),
            PRODUCT,
            NOW);

    assertThat(f.id())
        .isEqualTo(
            "keywarden/"
                + ACCOUNT
                + "/key-expired/arn:aws:iam::"
                + ACCOUNT
                + ":user/svc-a#access_key_1");
    assertThat(f.productArn())
        .isEqualTo("arn:aws:securityhub:eu-west-1:999988887777:product/999988887777/default");
    assertThat(f.awsAccountId()).isEqualTo(ACCOUNT);
    assertThat(f.generatorId()).isEqualTo("keywarden/key-expired");
    assertThat(f.types()).containsExactly(AsffMapper.CIS_TYPE);
    assertThat(f.createdAt()).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
    assertThat(f.updatedAt()).isEqualTo(NOW);
    assertThat(f.severityLabel()).isEqualTo("HIGH");
    assertThat(f.title()).isNotBlank();
    assertThat(f.description()).contains("91 days old");
    assertThat(f.resources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.type()).isEqualTo("AwsIamAccessKey");
              assertThat(r.name()).contains("svc-a");
              assertThat(r.region()).isEqualTo("eu-west-1");
            });
    assertThat(f.recordState()).isEqualTo("ACTIVE");
    assertThat(f.workflowStatus()).isEqualTo("NEW");
    assertThat(f.complianceStatus()).isEqualTo("FAILED");
    assertThat(f.relatedRequirements())
        .contains("CIS AWS Foundations Benchmark v3.0.0/1.14", "AWS Security Hub control/IAM.3");
    assertThat(f.remediationText()).isNotBlank().hasSizeLessThanOrEqualTo(512);
    assertThat(f.userDefinedFields())
        .containsEntry("keywarden/owner", "team@example.com")
        .containsEntry("keywarden/deadline", "2026-11-30T06:00:00Z")
        .containsEntry("keywarden/status", "open");
    assertThat(f.noteText()).isEmpty();
  }

  @Test
  void map_whenExempt_isSuppressedWithTheReasonAndLastDay() {
    AsffFinding f =
        AsffMapper.map(
            SecurityHubExportTest.finding("svc-a", FindingStatus.EXEMPT),
            Optional.empty(),
            PRODUCT,
            NOW);

    assertThat(f.recordState()).isEqualTo("ACTIVE");
    assertThat(f.workflowStatus()).isEqualTo("SUPPRESSED");
    assertThat(f.noteText()).contains("Exempt until 2026-12-31: migration");
    assertThat(f.description()).startsWith("Exempt until 2026-12-31: migration.");
    assertThat(f.userDefinedFields())
        .containsEntry("keywarden/exemptUntil", "2026-12-31")
        .containsEntry("keywarden/exemptReason", "migration")
        .doesNotContainKey("keywarden/owner");
  }

  @Test
  void map_whenResolved_isArchivedResolvedAndPassed() {
    AsffFinding f =
        AsffMapper.map(
            SecurityHubExportTest.finding("svc-a", FindingStatus.RESOLVED),
            Optional.empty(),
            PRODUCT,
            NOW);

    assertThat(f.recordState()).isEqualTo("ARCHIVED");
    assertThat(f.workflowStatus()).isEqualTo("RESOLVED");
    assertThat(f.complianceStatus()).isEqualTo("PASSED");
  }

  @Test
  void fingerprint_ignoresWhenAFindingWasSent_butNotWhatItSays() {
    StoredFinding open = SecurityHubExportTest.finding("svc-a", FindingStatus.OPEN);
    String first = AsffMapper.map(open, Optional.empty(), PRODUCT, NOW).fingerprint();

    assertThat(AsffMapper.map(open, Optional.empty(), PRODUCT, NOW.plusSeconds(3600)).fingerprint())
        .isEqualTo(first);
    assertThat(AsffMapper.map(open, Optional.of("x@example.com"), PRODUCT, NOW).fingerprint())
        .isNotEqualTo(first);
    assertThat(
            AsffMapper.map(
                    SecurityHubExportTest.finding("svc-a", FindingStatus.EXEMPT),
                    Optional.empty(),
                    PRODUCT,
                    NOW)
                .fingerprint())
        .isNotEqualTo(first);
  }

  @ParameterizedTest
  @CsvSource({
    "arn:aws:iam::111122223333:user/path/svc-a, AwsIamUser, svc-a",
    "arn:aws:iam::111122223333:user/svc-a#access_key_2, AwsIamAccessKey, svc-a",
    "arn:aws:iam::111122223333:role/deployer, AwsIamRole, deployer",
    "arn:aws:iam::111122223333:policy/admin-all, AwsIamPolicy, admin-all",
    "arn:aws:iam::111122223333:root, AwsAccount, ",
    "arn:aws:iam::111122223333:account-password-policy, AwsAccount, "
  })
  void resource_isTypedByTheShapeOfTheResourceId(String resourceId, String type, String name) {
    StoredFinding f =
        StoredFinding.builder()
            .accountId(ACCOUNT)
            .checkId("some-check")
            .resourceId(resourceId)
            .principal("svc-a")
            .severity(Severity.LOW)
            .title("t")
            .message("m")
            .status(FindingStatus.OPEN)
            .firstSeen(NOW)
            .version(1)
            .build();

    AsffFinding.Resource r = AsffMapper.resource(f, PRODUCT);

    assertThat(r.type()).isEqualTo(type);
    assertThat(r.name()).isEqualTo(Optional.ofNullable(name));
    assertThat(r.id())
        .isEqualTo(type.equals("AwsAccount") ? "AWS::::Account:" + ACCOUNT : resourceId);
  }

  @Test
  void label_isSecurityHubsForEverySeverity() {
    assertThat(AsffMapper.label(Severity.INFO)).isEqualTo("INFORMATIONAL");
    assertThat(AsffMapper.label(Severity.CRITICAL)).isEqualTo("CRITICAL");
  }
}
