package dev.keywarden.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CisNumbersTest {
  @ParameterizedTest(name = "v3 {0} is v5 {1}")
  @CsvSource({
    "1.1,1.1",
    "1.2,1.2",
    "1.4,1.3",
    "1.14,1.13",
    "1.16,1.15",
    "1.19,1.18",
    "1.22,1.21",
    "2.1.1,2.1.1",
    "3.1,3.1"
  })
  void v5FromV3_mapsSectionOneDownByOneFromFourOn(String v3, String v5) {
    assertThat(CisNumbers.v5FromV3(v3)).isEqualTo(v5);
  }

  @org.junit.jupiter.api.Test
  void v5FromV3_whenSecurityQuestions_hasNoCounterpart() {
    assertThatThrownBy(() -> CisNumbers.v5FromV3("1.3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no v5.0.0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "1.", "x.4"})
  void v5FromV3_whenNoCounterpartOrMalformed_failsNamingIt(String v3) {
    assertThatThrownBy(() -> CisNumbers.v5FromV3(v3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + v3 + "'");
  }
}
