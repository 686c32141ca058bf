package dev.keywarden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The settings whose ranges the other loading tests leave out, and values meant to break the
 * parser.
 */
class SettingsOutOfRangeTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "KEYWARDEN_UNUSED_DAYS|0|unused-days must be between 1 and 3650, got 0",
        "KEYWARDEN_SSH_KEY_MAX_USERS|-1|ssh-key-max-users must be between 0 and 100000, got -1",
        "KEYWARDEN_SSH_KEY_MAX_USERS|100001|ssh-key-max-users must be between 0 and 100000, got 100001",
        "KEYWARDEN_UNUSED_DAYS|3651|unused-days must be between 1 and 3650, got 3651",
        "KEYWARDEN_ROOT_WINDOW_DAYS|0|root-window-days must be between 1 and 3650, got 0",
        "KEYWARDEN_NOTICE_WINDOW_DAYS|-1|notice-window-days must be between 0 and 3650, got -1",
        "KEYWARDEN_MAX_KEY_AGE_DAYS|99999999999999999999|max-key-age-days must be a whole number",
        "KEYWARDEN_MAX_KEY_AGE_DAYS|9.5|max-key-age-days must be a whole number",
        "KEYWARDEN_MAX_KEY_AGE_DAYS|${jndi:ldap://x/a}|max-key-age-days must be a whole number",
        "KEYWARDEN_MIN_PASSWORD_LENGTH|129|min-password-length must be between 6 and 128, got 129",
        "KEYWARDEN_DEACTIVATION_CAP|-1|deactivation-cap must be between 0 and 1000, got -1",
        "KEYWARDEN_HISTORY_DAYS|0|history-days must be between 1 and 3650, got 0",
        "KEYWARDEN_LEASE_SECONDS|86401|lease-seconds must be between 60 and 86400, got 86401",
        "KEYWARDEN_STOP_MARGIN_SECONDS|4|stop-margin-seconds must be between 5 and 600, got 4",
        "KEYWARDEN_STOP_MARGIN_SECONDS|601|stop-margin-seconds must be between 5 and 600, got 601",
        "KEYWARDEN_STOP_MARGIN_SECONDS|1m|stop-margin-seconds must be a whole number",
        "KEYWARDEN_NOTICE_STAGES_DAYS|7,-1|notice-stages-days must be between 1 and 365",
        "KEYWARDEN_NOTICE_STAGES_DAYS|seven|notice-stages-days",
        "KEYWARDEN_SECURITY_TOPIC_ARN|arn:aws:sqs:eu-west-1:123456789012:q|security-topic-arn must be an SNS topic ARN",
        "KEYWARDEN_FINDINGS_TABLE|'; DROP TABLE x; --|findings-table must be a DynamoDB table name",
        "KEYWARDEN_FALLBACK_OWNER|<script>@x|fallback-owner must be an e-mail address",
      })
  void loadSettings_whenAValueIsOutOfRangeOrHostile_namesTheVariableAndWhatItAccepts(
      String variable, String value, String expected) {
    assertThatThrownBy(() -> ConfigLoader.loadSettings(Optional.empty(), Map.of(variable, value)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("environment variable " + variable)
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "KEYWARDEN_UNUSED_DAYS|1", "KEYWARDEN_UNUSED_DAYS|3650", "KEYWARDEN_DEACTIVATION_CAP|0",
        "KEYWARDEN_DEACTIVATION_CAP|1000", "KEYWARDEN_LEASE_SECONDS|60",
            "KEYWARDEN_LEASE_SECONDS|86400",
        "KEYWARDEN_HISTORY_DAYS|3650", "KEYWARDEN_STOP_MARGIN_SECONDS|5",
            "KEYWARDEN_STOP_MARGIN_SECONDS|600",
      })
  void loadSettings_whenAValueIsOnTheEdgeOfItsRange_acceptsIt(String variable, String value) {
    assertThat(ConfigLoader.loadSettings(Optional.empty(), Map.of(variable, value))).isNotNull();
  }
}
