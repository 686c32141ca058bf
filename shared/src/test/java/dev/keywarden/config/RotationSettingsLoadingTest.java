package dev.keywarden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RotationSettingsLoadingTest {
  private static RotationSettings load(Map<String, String> env) {
    return ConfigLoader.loadSettings(Optional.empty(), env).rotation();
  }

  @Test
  void loadSettings_whenNothingIsSet_isOffWithTheDocumentedDefaults() {
    RotationSettings rotation = load(Map.of());

    assertThat(rotation).isEqualTo(RotationSettings.defaults());
    assertThat(rotation.enabled()).isFalse();
    assertThat(rotation.allows("123456789012")).isFalse();
    assertThat(rotation.cutoverQuietHours()).isEqualTo(24);
    assertThat(rotation.kmsKeyId()).isEmpty();
  }

  @Test
  void assistedRotation_isOffAllOrAListOfAccounts() {
    assertThat(load(Map.of("KEYWARDEN_ASSISTED_ROTATION", "off")).enabled()).isFalse();
    RotationSettings all = load(Map.of("KEYWARDEN_ASSISTED_ROTATION", "all"));
    assertThat(all.allows("123456789012")).isTrue();
    assertThat(all.allows("210987654321")).isTrue();
    RotationSettings some =
        load(Map.of("KEYWARDEN_ASSISTED_ROTATION", " 123456789012, 111122223333 "));
    assertThat(some.accounts()).containsExactly("123456789012", "111122223333");
    assertThat(some.allows("111122223333")).isTrue();
    assertThat(some.allows("210987654321")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "KEYWARDEN_ASSISTED_ROTATION|yes|assisted-rotation must be 'off', 'all' (every audited account) or a comma-separated list of 12-digit account ids; 'yes' is not one",
        "KEYWARDEN_ASSISTED_ROTATION|12345678901|'12345678901' is not one",
        "KEYWARDEN_ASSISTED_ROTATION|123456789012,123456789012|assisted-rotation lists 123456789012 twice",
        "KEYWARDEN_CUTOVER_QUIET_HOURS|0|cutover-quiet-hours must be between 1 and 720, got 0",
        "KEYWARDEN_CUTOVER_QUIET_HOURS|721|cutover-quiet-hours must be between 1 and 720, got 721",
        "KEYWARDEN_CUTOVER_QUIET_HOURS|1d|cutover-quiet-hours must be a whole number, got '1d'",
        "KEYWARDEN_ROTATION_KMS_KEY_ID|my key|rotation-kms-key-id must be a KMS key id, alias/NAME, or the ARN of a key or alias"
      })
  void badValues_areRefusedNamingTheSettingAndWhereItCameFrom(
      String variable, String value, String message) {
    assertThatThrownBy(() -> load(Map.of(variable, value)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("environment variable " + variable)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource({"1", "24", "720"})
  void cutoverQuietHours_atItsEdges_isKept(int hours) {
    assertThat(
            load(Map.of("KEYWARDEN_CUTOVER_QUIET_HOURS", Integer.toString(hours)))
                .cutoverQuietHours())
        .isEqualTo(hours);
  }

  @ParameterizedTest
  @CsvSource({
    "1234abcd-12ab-34cd-56ef-1234567890ab",
    "mrk-1234abcd12ab34cd56ef1234567890ab",
    "alias/keywarden-secrets",
    "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "arn:aws:kms:eu-west-1:123456789012:alias/keywarden-secrets"
  })
  void rotationKmsKeyId_takesIdsAliasesAndArns(String key) {
    assertThat(load(Map.of("KEYWARDEN_ROTATION_KMS_KEY_ID", key)).kmsKeyId()).contains(key);
  }

  @Test
  void file_setsThemToo_andTheSettingsKeepThemThroughAnotherFallbackOwner(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("k.properties");
    Files.writeString(
        file,
        "assisted-rotation = 123456789012\ncutover-quiet-hours = 48\nrotation-kms-key-id = alias/k\n");

    Settings settings = ConfigLoader.loadSettings(Optional.of(file), Map.of());

    assertThat(settings.rotation())
        .isEqualTo(
            new RotationSettings(false, List.of("123456789012"), 48, Optional.of("alias/k")));
    assertThat(
            settings
                .withRun(settings.run().withFallbackOwner(Optional.of("x@example.com")))
                .rotation())
        .isEqualTo(settings.rotation());
    assertThat(settings.withOrg(OrgSettings.defaults()).rotation()).isEqualTo(settings.rotation());
  }
}
