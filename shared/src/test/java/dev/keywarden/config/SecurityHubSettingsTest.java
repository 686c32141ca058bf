package dev.keywarden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityHubSettingsTest {
  @Test
  void parse_whenACustomIntegrationProduct_readsItsPartsBack() {
    SecurityHubSettings s =
        SecurityHubSettings.parse(
            " arn:aws-us-gov:securityhub:us-gov-west-1:111122223333:product/111122223333/default ",
            "here");

    assertThat(s.productArn())
        .isEqualTo(
            "arn:aws-us-gov:securityhub:us-gov-west-1:111122223333:product/111122223333/default");
    assertThat(s.partition()).isEqualTo("aws-us-gov");
    assertThat(s.region()).isEqualTo("us-gov-west-1");
    assertThat(s.importingAccountId()).isEqualTo("111122223333");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:securityhub:eu-west-1:111122223333:product/aws/guardduty",
        "arn:aws:securityhub:eu-west-1:11112222333:product/11112222333/default",
        "arn:aws:sns:eu-west-1:111122223333:product/111122223333/default",
        "arn:aws:securityhub:eu-west-1:111122223333:hub/default",
        "arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default/extra",
        "not an arn"
      })
  void parse_whenNotACustomIntegrationProduct_namesTheOriginTheValueAndTheExpectedShape(
      String value) {
    assertThatThrownBy(() -> SecurityHubSettings.parse(value, "origin: security-hub-product-arn"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("origin: security-hub-product-arn must be")
        .hasMessageContaining("'" + value + "'")
        .hasMessageContaining("arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default");
  }

  @Test
  void parse_whenTheProductBelongsToAnotherAccount_saysBothMustBeTheImportingAccount() {
    assertThatThrownBy(
            () ->
                SecurityHubSettings.parse(
                    "arn:aws:securityhub:eu-west-1:111122223333:product/444455556666/default",
                    "security-hub"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("both must be that account")
        .hasMessageContaining("444455556666");
  }

  @Test
  void forAccount_isThatAccountsDefaultProductInTheRegion() {
    assertThat(SecurityHubSettings.forAccount("111122223333", "eu-west-1").productArn())
        .isEqualTo("arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default");
  }
}
