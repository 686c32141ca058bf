package dev.keywarden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code security-hub-product-arn} setting, read like every other by {@link ConfigLoader}. */
class SecurityHubSettingLoadingTest {
  private static final String ENV = "KEYWARDEN_SECURITY_HUB_PRODUCT_ARN";
  private static final String PRODUCT =
      "arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default";

  @TempDir Path dir;

  private static RunSettings load(Map<String, String> env) {
    return ConfigLoader.loadSettings(Optional.empty(), env).run();
  }

  private Path file(String text) throws IOException {
    return Files.writeString(dir.resolve("keywarden.conf"), text);
  }

  @Test
  void securityHub_byDefault_isOff() {
    assertThat(load(Map.of()).securityHub()).isEmpty();
    assertThat(RunSettings.defaults().securityHub()).isEmpty();
  }

  @Test
  void securityHub_whenBlank_isOff() {
    assertThat(load(Map.of(ENV, "  ")).securityHub()).isEmpty();
  }

  @Test
  void securityHub_fromTheEnvironment_isThatProduct() {
    SecurityHubSettings hub = load(Map.of(ENV, PRODUCT)).securityHub().orElseThrow();

    assertThat(hub.productArn()).isEqualTo(PRODUCT);
    assertThat(hub.region()).isEqualTo("eu-west-1");
    assertThat(hub.importingAccountId()).isEqualTo("111122223333");
  }

  @Test
  void securityHub_fromTheFile_isThatProduct_andTheEnvironmentWins() throws IOException {
    Path conf = file("# Security Hub\nsecurity-hub-product-arn = " + PRODUCT + "\n");
    String other = "arn:aws:securityhub:us-east-1:444455556666:product/444455556666/default";

    assertThat(ConfigLoader.loadSettings(Optional.of(conf), Map.of()).run().securityHub())
        .hasValueSatisfying(h -> assertThat(h.productArn()).isEqualTo(PRODUCT));
    assertThat(ConfigLoader.loadSettings(Optional.of(conf), Map.of(ENV, other)).run().securityHub())
        .hasValueSatisfying(h -> assertThat(h.productArn()).isEqualTo(other));
  }

  @Test
  void securityHub_variableIsTheOneTheTemplateAndTheDocsName() {
    assertThat(ConfigLoader.Setting.SECURITY_HUB_PRODUCT_ARN.envName())
        .isEqualTo(SecurityHubSettings.ENV)
        .isEqualTo(ENV);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:securityhub:eu-west-1:111122223333:product/aws/guardduty",
        "arn:aws:securityhub:eu-west-1:111122223333:hub/default",
        "arn:aws:sns:eu-west-1:111122223333:keywarden-security",
        "enabled"
      })
  void securityHub_whenNotAProductArn_namesTheVariableTheSettingAndTheValue(String value) {
    assertThatThrownBy(() -> load(Map.of(ENV, value)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "environment variable " + ENV + ": security-hub-product-arn must be")
        .hasMessageContaining("'" + value + "'")
        .hasMessageContaining("product/ACCOUNT/default");
  }

  @Test
  void securityHub_whenBadInTheFile_namesTheFileAndLine() throws IOException {
    Path conf =
        file(
            "mode = dry-run\nsecurity-hub-product-arn = arn:aws:securityhub:eu-west-1:111122223333:product/x/default\n");

    assertThatThrownBy(() -> ConfigLoader.loadSettings(Optional.of(conf), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(conf + " line 2: security-hub-product-arn must be")
        .hasMessageContaining("product/x/default");
  }

  @Test
  void securityHub_whenTheProductIsAnotherAccounts_saysSo() {
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        ENV,
                        "arn:aws:securityhub:eu-west-1:111122223333:product/444455556666/default")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(ENV)
        .hasMessageContaining("security-hub-product-arn")
        .hasMessageContaining("both must be that account");
  }

  @Test
  void securityHub_survivesAnAccountsOwnFallbackOwner() {
    RunSettings run = load(Map.of(ENV, PRODUCT));

    assertThat(run.withFallbackOwner(Optional.of("team@example.com")).securityHub())
        .isEqualTo(run.securityHub());
  }
}
