package dev.keywarden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxExemptionDaysSettingTest {
  @Test
  void loadSettings_whenUnset_defaultsTo180() {
    assertThat(ConfigLoader.loadSettings(Optional.empty(), Map.of()).maxExemptionDays())
        .isEqualTo(180);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 30, 3650})
  void loadSettings_whenSetWithinRange_usesIt(int days) {
    assertThat(
            ConfigLoader.loadSettings(
                    Optional.empty(),
                    Map.of("KEYWARDEN_MAX_EXEMPTION_DAYS", Integer.toString(days)))
                .maxExemptionDays())
        .isEqualTo(days);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "3651", "half a year"})
  void loadSettings_whenOutOfRange_namesTheSetting(String value) {
    assertThatThrownBy(
            () ->
                ConfigLoader.loadSettings(
                    Optional.empty(), Map.of("KEYWARDEN_MAX_EXEMPTION_DAYS", value)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "environment variable KEYWARDEN_MAX_EXEMPTION_DAYS: max-exemption-days must be");
  }

  @Test
  void withOrg_keepsTheCeiling() {
    Settings settings =
        ConfigLoader.loadSettings(Optional.empty(), Map.of("KEYWARDEN_MAX_EXEMPTION_DAYS", "30"));

    assertThat(settings.withOrg(OrgSettings.defaults()).maxExemptionDays()).isEqualTo(30);
  }
}
