package dev.keywarden.functions.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.keywarden.InvalidInputException;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.config.ConfigLoader;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportAggregatorHandlerTest {
  private static AwsClientFactory unreachable() {
    return AwsClientFactory.create(
        ClientSettings.forEndpoint(
            URI.create("http://127.0.0.1:9"), "us-east-1", "testing", "testing"));
  }

  @Test
  void week_whenTheSampleWeeklyEvent_isTheWeekThatEndedBeforeIt() {
    ScheduledEvent event = Events.load("scheduled-weekly.json", ScheduledEvent.class);

    assertThat(ReportAggregatorHandler.week(event)).isEqualTo("2026-W48");
  }

  @Test
  void week_whenTheEventHasNoTime_throwsNamingTheExpectedEvent() {
    ScheduledEvent event = new ScheduledEvent().withId("89d1a02d");

    assertThatThrownBy(() -> ReportAggregatorHandler.week(event))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected an EventBridge Scheduled Event");
  }

  @Test
  void response_holdsTheWeekAndTheLocation() {
    assertThat(
            ReportAggregatorHandler.response(
                "2026-W48", "s3://reports/reports/2026-W48/index.html"))
        .containsExactly(
            Map.entry("week", "2026-W48"),
            Map.entry("location", "s3://reports/reports/2026-W48/index.html"));
  }

  @Test
  void constructor_whenTheReportsBucketIsNotSet_failsNamingTheVariable() {
    try (AwsClientFactory clients = unreachable()) {
      assertThatThrownBy(
              () ->
                  new ReportAggregatorHandler(
                      clients,
                      ConfigLoader.loadSettings(Optional.empty(), Map.of()),
                      Clock.systemUTC()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("KEYWARDEN_REPORTS_BUCKET");
    }
  }

  @Test
  void constructor_whenTheReportsBucketIsSet_needsNoCallToAws() {
    try (AwsClientFactory clients = unreachable()) {
      assertThatCode(
              () ->
                  new ReportAggregatorHandler(
                      clients,
                      ConfigLoader.loadSettings(
                          Optional.empty(),
                          Map.of("KEYWARDEN_REPORTS_BUCKET", "keywarden-reports")),
                      Clock.systemUTC()))
          .doesNotThrowAnyException();
    }
  }
}
