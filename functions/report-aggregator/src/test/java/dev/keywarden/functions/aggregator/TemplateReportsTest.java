package dev.keywarden.functions.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.testsupport.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What template.yaml promises about the weekly report: its schedule, its bucket and its role's
 * reach.
 */
class TemplateReportsTest {
  private static final SamTemplate TEMPLATE = SamTemplate.load("template.yaml");

  private static JsonNode bucket() {
    return TEMPLATE.resource("ReportsBucket");
  }

  private static JsonNode function() {
    return TEMPLATE.resource("ReportAggregatorFunction").path("Properties");
  }

  @Test
  void function_runsWeeklyOnTheReportSchedule_defaultMondayMorning() {
    assertThat(function().at("/Events/WeeklyReport/Type").asText()).isEqualTo("Schedule");
    assertThat(function().at("/Events/WeeklyReport/Properties/Schedule").asText())
        .isEqualTo("ReportSchedule");
    assertThat(TEMPLATE.parameter("ReportSchedule").path("Default").asText())
        .isEqualTo("cron(0 7 ? * MON *)");
  }

  @Test
  void function_hasItsMemoryTimeoutRoleAndBucket() {
    assertThat(function().path("MemorySize").asInt()).isEqualTo(1024);
    assertThat(function().path("Timeout").asInt()).isEqualTo(300);
    assertThat(function().path("Role").asText()).isEqualTo("ReportAggregatorRole.Arn");
    assertThat(function().at("/Environment/Variables/KEYWARDEN_REPORTS_BUCKET").asText())
        .isEqualTo("ReportsBucket");
  }

  @Test
  void bucket_isKeptWhenTheStackGoes() {
    assertThat(bucket().path("DeletionPolicy").asText()).isEqualTo("Retain");
    assertThat(bucket().path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
  }

  @Test
  void bucket_blocksAllPublicAccess() {
    JsonNode block = bucket().at("/Properties/PublicAccessBlockConfiguration");

    assertThat(
            List.of(
                "BlockPublicAcls",
                "BlockPublicPolicy",
                "IgnorePublicAcls",
                "RestrictPublicBuckets"))
        .allSatisfy(setting -> assertThat(block.path(setting).asBoolean()).as(setting).isTrue());
  }

  @Test
  void bucket_isEncryptedAndVersioned() {
    assertThat(
            bucket()
                .at(
                    "/Properties/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault"
                        + "/SSEAlgorithm")
                .asText())
        .isIn("AES256", "aws:kms");
    assertThat(bucket().at("/Properties/VersioningConfiguration/Status").asText())
        .isEqualTo("Enabled");
  }

  @Test
  void bucket_expiresReportsAfterTheRetentionParameter_defaultTwoYears() {
    JsonNode rule = bucket().at("/Properties/LifecycleConfiguration/Rules/0");

    assertThat(rule.path("Status").asText()).isEqualTo("Enabled");
    assertThat(rule.path("Prefix").asText()).isEqualTo("reports/");
    assertThat(rule.path("ExpirationInDays").asText()).isEqualTo("ReportRetentionDays");
    assertThat(TEMPLATE.parameter("ReportRetentionDays").path("Default").asInt()).isEqualTo(730);
  }

  @Test
  void bucket_removesTheDeleteMarkersThatExpiryLeaves() {
    JsonNode rule = bucket().at("/Properties/LifecycleConfiguration/Rules/1");

    assertThat(rule.path("Status").asText()).isEqualTo("Enabled");
    assertThat(rule.path("Prefix").asText()).isEqualTo("reports/");
    assertThat(rule.path("ExpiredObjectDeleteMarker").asBoolean()).isTrue();
    assertThat(rule.has("ExpirationInDays")).as("S3 refuses both in one rule").isFalse();
  }

  @Test
  void bucketPolicy_deniesEveryRequestWithoutTls() {
    JsonNode policy = TEMPLATE.resource("ReportsBucketPolicy").path("Properties");
    JsonNode deny = policy.at("/PolicyDocument/Statement/0");

    assertThat(policy.path("Bucket").asText()).isEqualTo("ReportsBucket");
    assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
    assertThat(deny.path("Principal").asText()).isEqualTo("*");
    assertThat(deny.path("Action").asText()).isEqualTo("s3:*");
    assertThat(deny.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
    assertThat(deny.path("Resource"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("ReportsBucket.Arn", "${ReportsBucket.Arn}/*");
  }

  @Test
  void role_writesOnlyUnderReportsAndChangesNoTableItem() {
    List<String> s3 = new ArrayList<>();
    TEMPLATE.allowStatements("ReportAggregatorRole").stream()
        .filter(s -> s.path("Action").asText().startsWith("s3:"))
        .forEach(s -> s3.add(s.path("Action").asText() + " on " + s.path("Resource").asText()));

    assertThat(s3).containsExactly("s3:PutObject on ${ReportsBucket.Arn}/reports/*");
    assertThat(
            TEMPLATE.allowedActions("ReportAggregatorRole").stream()
                .filter(a -> a.startsWith("dynamodb:")))
        .containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:Query");
  }

  @Test
  void role_publishesOnlyToTheSecurityTopic() {
    assertThat(
            TEMPLATE.allowStatements("ReportAggregatorRole").stream()
                .filter(s -> s.path("Action").asText().equals("sns:Publish"))
                .map(s -> s.path("Resource").asText()))
        .containsExactly("SecurityTopic");
  }

  @Test
  void outputs_nameTheReportsBucket() {
    assertThat(TEMPLATE.output("ReportsBucketName").path("Value").asText())
        .isEqualTo("ReportsBucket");
  }
}
