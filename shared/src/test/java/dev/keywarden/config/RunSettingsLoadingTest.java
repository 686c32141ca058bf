package dev.keywarden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunSettingsLoadingTest {
  private static RunSettings load(Map<String, String> env) {
    return ConfigLoader.loadSettings(Optional.empty(), env).run();
  }

  @Test
  void loadSettings_whenNothingIsSet_isADryRunWithTheDocumentedDefaults() {
    RunSettings run = load(Map.of());

    assertThat(run).isEqualTo(RunSettings.defaults());
    assertThat(run.enforce()).isFalse();
    assertThat(run.deactivationCap()).isEqualTo(20);
    assertThat(run.noticeStagesDays()).containsExactly(14, 7, 1);
    assertThat(run.historyDays()).isEqualTo(400);
    assertThat(run.stopMarginSeconds()).isEqualTo(60);
  }

  @Test
  void loadSettings_whenTheStopMarginIsSet_keepsIt() {
    assertThat(load(Map.of("KEYWARDEN_STOP_MARGIN_SECONDS", "120")).stopMarginSeconds())
        .isEqualTo(120);
  }

  @Test
  void loadSettings_whenModeIsEnforce_enforces() {
    assertThat(load(Map.of("KEYWARDEN_MODE", "enforce")).enforce()).isTrue();
    assertThat(load(Map.of("KEYWARDEN_MODE", "dry-run")).enforce()).isFalse();
  }

  @Test
  void loadSettings_whenStagesAreGivenInAnyOrder_sortsThemMostDistantFirst() {
    Map<String, String> env =
        Map.of("KEYWARDEN_NOTICE_STAGES_DAYS", "3, 30,10", "KEYWARDEN_NOTICE_WINDOW_DAYS", "30");

    assertThat(load(env).noticeStagesDays()).isEqualTo(List.of(30, 10, 3));
  }

  @Test
  void loadSettings_whenTopicsAndFallbackAreSet_keepsThem() {
    RunSettings run =
        load(
            Map.of(
                "KEYWARDEN_NOTICES_TOPIC_ARN",
                    "arn:aws:sns:eu-west-1:123456789012:keywarden-notices",
                "KEYWARDEN_SECURITY_TOPIC_ARN",
                    "arn:aws:sns:eu-west-1:123456789012:keywarden-security",
                "KEYWARDEN_FALLBACK_OWNER", "security@example.com",
                "KEYWARDEN_FINDINGS_TABLE", "kw-findings",
                "KEYWARDEN_REPORTS_BUCKET", "kw-reports-123"));

    assertThat(run.noticesTopicArn())
        .contains("arn:aws:sns:eu-west-1:123456789012:keywarden-notices");
    assertThat(run.securityTopicArn())
        .contains("arn:aws:sns:eu-west-1:123456789012:keywarden-security");
    assertThat(run.fallbackOwner()).contains("security@example.com");
    assertThat(run.findingsTable()).isEqualTo("kw-findings");
    assertThat(run.reportsBucket()).contains("kw-reports-123");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "KEYWARDEN_MODE|on|mode must be 'dry-run' or 'enforce', got 'on'",
        "KEYWARDEN_MODE|ENFORCE|mode must be 'dry-run' or 'enforce', got 'ENFORCE'",
        "KEYWARDEN_DEACTIVATION_CAP|1001|deactivation-cap must be between 0 and 1000, got 1001",
        "KEYWARDEN_NOTICE_STAGES_DAYS|14,14|notice-stages-days lists 14 twice",
        "KEYWARDEN_NOTICE_STAGES_DAYS|120|120 must be shorter than max-key-age-days (90)",
        "KEYWARDEN_NOTICE_STAGES_DAYS|0|notice-stages-days must be between 1 and 365, got 0",
        "KEYWARDEN_NOTICE_STAGES_DAYS|21,7|21 is beyond notice-window-days (14)",
        "KEYWARDEN_NOTICE_STAGES_DAYS|,|must list at least one number of days",
        "KEYWARDEN_NOTICES_TOPIC_ARN|keywarden-notices|notices-topic-arn must be an SNS topic ARN",
        "KEYWARDEN_FALLBACK_OWNER|security team|fallback-owner must be an e-mail address",
        "KEYWARDEN_FINDINGS_TABLE|a b|findings-table must be a DynamoDB table name",
        "KEYWARDEN_LEASE_SECONDS|5|lease-seconds must be between 60 and 86400, got 5",
        "KEYWARDEN_REPORTS_BUCKET|My_Bucket|reports-bucket must be an S3 bucket name",
      })
  void loadSettings_whenAValueIsBad_namesTheVariableAndWhatItAccepts(
      String variable, String value, String expected) {
    assertThatThrownBy(() -> load(Map.of(variable, value)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("environment variable " + variable)
        .hasMessageContaining(expected);
  }
}
