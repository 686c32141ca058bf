package dev.keywarden.securityhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityHubSettingsTest {
  @Test
  void fromEnvironment_whenUnsetOrBlank_isOff() {
    assertThat(SecurityHubSettings.fromEnvironment(Map.of())).isEmpty();
    assertThat(SecurityHubSettings.fromEnvironment(Map.of(SecurityHubSettings.ENV, " "))).isEmpty();
  }

  @Test
  void fromEnvironment_whenACustomIntegrationProduct_readsItsPartsBack() {
    SecurityHubSettings s = SecurityHubSettings.fromEnvironment(Map.of(SecurityHubSettings.ENV,
        "arn:aws-us-gov:securityhub:us-gov-west-1:111122223333:product/111122223333/default")).orElseThrow();

    assertThat(s.partition()).isEqualTo("aws-us-gov");
    assertThat(s.region()).isEqualTo("us-gov-west-1");
    assertThat(s.importingAccountId()).isEqualTo("111122223333");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "arn:aws:securityhub:eu-west-1:111122223333:product/aws/guardduty",
      "arn:aws:securityhub:eu-west-1:11112222333:product/11112222333/default",
      "arn:aws:sns:eu-west-1:111122223333:product/111122223333/default",
      "not an arn"})
  void parse_whenNotACustomIntegrationProduct_namesTheSettingAndTheExpectedShape(String value) {
    assertThatThrownBy(() -> SecurityHubSettings.fromEnvironment(Map.of(SecurityHubSettings.ENV, value)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(SecurityHubSettings.ENV).hasMessageContaining(value)
        .hasMessageContaining("product/ACCOUNT/default");
  }

  @Test
  void parse_whenTheProductBelongsToAnotherAccount_saysBothMustBeTheImportingAccount() {
    assertThatThrownBy(() -> SecurityHubSettings.parse(
        "arn:aws:securityhub:eu-west-1:111122223333:product/444455556666/default", "security-hub"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("both must be that account");
  }
}
