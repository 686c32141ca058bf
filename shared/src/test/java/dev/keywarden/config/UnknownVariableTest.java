package dev.keywarden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnknownVariableTest {
  @Test
  void loadSettings_whenVariableMisspelt_refusesItNamingTheSettingMeant() {
    assertThatThrownBy(
            () ->
                ConfigLoader.loadSettings(
                    Optional.empty(), Map.of("KEYWARDEN_DEACTIVATION_CAPP", "5")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "environment variable KEYWARDEN_DEACTIVATION_CAPP is not a Keywarden setting; did you mean"
                + " KEYWARDEN_DEACTIVATION_CAP?");
  }

  @Test
  void loadSettings_whenVariableUnlikeAnySetting_refusesItWithoutAGuess() {
    assertThatThrownBy(
            () -> ConfigLoader.loadSettings(Optional.empty(), Map.of("KEYWARDEN_COLOUR", "blue")))
        .hasMessageStartingWith(
            "environment variable KEYWARDEN_COLOUR is not a Keywarden setting. Unset it");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "KEYWARDEN_LOG_LEVEL",
        "KEYWARDEN_SDK_LOG_LEVEL",
        "KEYWARDEN_JAVA_OPTS",
        "KEYWARDEN_PYTHON",
        "KEYWARDEN_EMULATOR_DIR",
        "KEYWARDEN_SAM",
        "KEYWARDEN_MOTO_TEST_FIXTURES",
        "KEYWARDENX",
        "AWS_REGION"
      })
  void loadSettings_whenVariableIsReadElsewhereOrNotOurs_acceptsIt(String name) {
    assertThat(
            ConfigLoader.loadSettings(Optional.empty(), Map.of(name, "x")).run().deactivationCap())
        .isEqualTo(20);
  }

  @Test
  void loadSettings_whenEverySettingsVariableIsSet_acceptsThemAll() {
    assertThat(
            ConfigLoader.loadSettings(Optional.empty(), Map.of("KEYWARDEN_DEACTIVATION_CAP", "5"))
                .run()
                .deactivationCap())
        .isEqualTo(5);
  }

  @Test
  void loadSettings_whenFileStartsWithAByteOrderMark_readsTheFirstSetting(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("keywarden.properties");
    Files.write(file, "\uFEFFdeactivation-cap = 7\n".getBytes(StandardCharsets.UTF_8));

    assertThat(ConfigLoader.loadSettings(Optional.of(file), Map.of()).run().deactivationCap())
        .isEqualTo(7);
  }

  @Test
  void loadSettings_whenByteOrderMarkAndUnknownKey_namesTheKeyWithoutAnInvisibleCharacter(
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("keywarden.properties");
    Files.write(file, "\uFEFFdeactivation-capp = 7\n".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> ConfigLoader.loadSettings(Optional.of(file), Map.of()))
        .hasMessageContaining("unknown setting 'deactivation-capp';");
  }
}
