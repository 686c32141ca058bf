package dev.keywarden.functions.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
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

class OrgDispatcherHandlerTest {
  @Test
  void runId_whenTheSampleDailyEvent_isNamedAfterItsTimeAndId() {
    ScheduledEvent event = Events.load("scheduled-daily.json", ScheduledEvent.class);

    assertThat(OrgDispatcherHandler.runId(event)).isEqualTo("run-20261124T060000Z-cdc73f9d");
  }

  @Test
  void runId_whenTheSameEventIsDeliveredTwice_isTheSame() {
    ScheduledEvent first = Events.load("scheduled-daily.json", ScheduledEvent.class);
    ScheduledEvent retry = Events.load("scheduled-daily.json", ScheduledEvent.class);

    assertThat(OrgDispatcherHandler.runId(retry)).isEqualTo(OrgDispatcherHandler.runId(first));
  }

  @Test
  void runId_whenTheEventHasNoTime_throwsNamingTheExpectedEvent() {
    ScheduledEvent event = new ScheduledEvent().withId("cdc73f9d");

    assertThatThrownBy(() -> OrgDispatcherHandler.runId(event))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected an EventBridge Scheduled Event");
  }

  @Test
  void constructor_whenTheQueueUrlIsNotSet_failsNamingTheVariable() {
    try (AwsClientFactory clients =
        AwsClientFactory.create(
            ClientSettings.forEndpoint(
                URI.create("http://127.0.0.1:9"), "us-east-1", "testing", "testing"))) {
      assertThatThrownBy(
              () ->
                  new OrgDispatcherHandler(
                      clients,
                      ConfigLoader.loadSettings(Optional.empty(), Map.of()),
                      Clock.systemUTC()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("KEYWARDEN_AUDIT_QUEUE_URL");
    }
  }
}
