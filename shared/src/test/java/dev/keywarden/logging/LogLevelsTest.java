package dev.keywarden.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

class LogLevelsTest {
  @Test
  void defaults_areInfoAndWarnForTheSdk() {
    LogLevels levels = LogLevels.from(Map.of());

    assertThat(levels.levelFor("dev.keywarden.audit.OrgAuditor")).isEqualTo(Level.INFO);
    assertThat(levels.levelFor("software.amazon.awssdk.request")).isEqualTo(Level.WARN);
    assertThat(levels.problems()).isEmpty();
  }

  @Test
  void theSdksLoggers_areThatNameAndTheNamesBelowIt() {
    LogLevels levels = LogLevels.from(Map.of("KEYWARDEN_SDK_LOG_LEVEL", "error"));

    assertThat(levels.levelFor("software.amazon.awssdk")).isEqualTo(Level.ERROR);
    assertThat(levels.levelFor("software.amazon.awssdk.core.RequestBody")).isEqualTo(Level.ERROR);
    assertThat(levels.levelFor("software.amazon.awssdkx.Other")).isEqualTo(Level.INFO);
    assertThat(levels.levelFor("software.amazon")).isEqualTo(Level.INFO);
  }

  @Test
  void aLevelIsReadWhateverItsCaseAndSurroundingSpace() {
    LogLevels levels =
        LogLevels.from(Map.of("KEYWARDEN_LOG_LEVEL", " Debug ", "KEYWARDEN_SDK_LOG_LEVEL", "OFF"));

    assertThat(levels.root()).isEqualTo(Level.DEBUG);
    assertThat(levels.sdk()).isEqualTo(Level.OFF);
    assertThat(levels.problems()).isEmpty();
  }

  @Test
  void aBlankValue_takesTheDefaultQuietly() {
    LogLevels levels = LogLevels.from(Map.of("KEYWARDEN_LOG_LEVEL", "  "));

    assertThat(levels.root()).isEqualTo(Level.INFO);
    assertThat(levels.problems()).isEmpty();
  }

  @Test
  void aValueThatNamesNoLevel_takesTheDefaultAndSaysSo() {
    LogLevels levels =
        LogLevels.from(Map.of("KEYWARDEN_LOG_LEVEL", "verbose", "KEYWARDEN_SDK_LOG_LEVEL", "7"));

    assertThat(levels.root()).isEqualTo(Level.INFO);
    assertThat(levels.sdk()).isEqualTo(Level.WARN);
    assertThat(levels.problems())
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith("KEYWARDEN_LOG_LEVEL is 'verbose'"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("KEYWARDEN_SDK_LOG_LEVEL is '7'")
                    .endsWith("logging at warn instead"));
  }
}
