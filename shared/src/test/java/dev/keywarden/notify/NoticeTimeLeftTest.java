package dev.keywarden.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoticeTimeLeftTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "PT59M59S, 59 minutes left",
    "PT30M, 30 minutes left",
    "PT1M, 1 minute left",
    "PT1S, 1 minute left",
    "PT0S, passed",
    "-PT1S, passed",
    "PT1H, 1 hour left",
    "PT47H59M, 47 hours left",
    "PT48H, 2 days left",
  })
  void left_atItsBoundaries_saysPassedOnlyOnceTheDeadlineIsReached(
      String untilDeadline, String expected) {
    assertThat(NoticeText.left(NOW, NOW.plus(Duration.parse(untilDeadline)))).isEqualTo(expected);
  }
}
