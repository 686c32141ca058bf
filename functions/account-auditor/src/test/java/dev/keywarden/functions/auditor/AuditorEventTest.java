package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.InvalidInputException;
import dev.keywarden.audit.AuditRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditorEventTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void parse_whenTheSampleSqsEvent_isABatchOfOneAuditRequest() {
    AuditorEvent event = AuditorEvent.parse(Events.json("sqs-audit-request.json"));

    assertThat(event)
        .isInstanceOfSatisfying(
            AuditorEvent.SqsBatch.class,
            batch -> {
              assertThat(batch.messages())
                  .singleElement()
                  .satisfies(
                      m -> {
                        assertThat(m.messageId()).isEqualTo("059f36b4-87a3-44ab-83d2-661975830a7d");
                        assertThat(AuditRequest.fromJson(m.body()))
                            .isEqualTo(
                                new AuditRequest("run-20261124T060000Z-cdc73f9d", "123456789012"));
                      });
            });
  }

  @Test
  void parse_whenTheSampleMixedBatch_keepsTheMalformedBodyForItsOwnRecord() {
    AuditorEvent event = AuditorEvent.parse(Events.json("sqs-mixed-batch.json"));

    assertThat(event)
        .isInstanceOfSatisfying(
            AuditorEvent.SqsBatch.class,
            batch ->
                assertThat(batch.messages())
                    .extracting(AuditorEvent.QueuedMessage::messageId)
                    .containsExactly(
                        "2e1424d4-f796-459a-8184-9c92662be6da",
                        "7b0f7c0e-5a4d-4f38-9d1e-2c6f0a1b3d45"));
  }

  @Test
  void parse_whenTheSampleDailySchedule_isScheduledWithTheEventsRunId() {
    AuditorEvent event = AuditorEvent.parse(Events.json("scheduled-daily.json"));

    assertThat(event)
        .isInstanceOfSatisfying(
            AuditorEvent.Scheduled.class,
            scheduled -> assertThat(scheduled.runId()).isEqualTo("run-20261124T060000Z-cdc73f9d"));
  }

  @Test
  void parse_whenTheSampleWeeklySchedule_isScheduledWithItsOwnRunId() {
    AuditorEvent event = AuditorEvent.parse(Events.json("scheduled-weekly.json"));

    assertThat(event)
        .isInstanceOfSatisfying(
            AuditorEvent.Scheduled.class,
            scheduled -> assertThat(scheduled.runId()).isEqualTo("run-20261130T070000Z-89d1a02d"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "\"Records\"",
        "{\"Records\": {}}",
        "{\"Records\": [{\"eventSource\": \"aws:sns\", \"messageId\": \"m-1\"}]}",
        "{\"detail-type\": \"Object Created\", \"source\": \"aws.s3\", \"time\": \"2026-11-24T06:00:00Z\"}",
        "{\"detail-type\": \"Scheduled Event\", \"source\": \"custom.app\"}"
      })
  void parse_whenAnyOtherShape_throwsNamingWhatIsExpected(String payload) throws Exception {
    assertThatThrownBy(() -> AuditorEvent.parse(JSON.readTree(payload)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected an SQS event")
        .hasMessageContaining("EventBridge Scheduled Event");
  }

  @Test
  void parse_whenAnSqsRecordHasNoMessageId_throwsNamingTheRecord() throws Exception {
    assertThatThrownBy(
            () ->
                AuditorEvent.parse(
                    JSON.readTree(
                        "{\"Records\": [{\"eventSource\": \"aws:sqs\", \"body\": \"{}\"}]}")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("record 0 has no messageId");
  }

  @Test
  void parse_whenTheScheduleTimeIsNotAnInstant_throwsNamingTheValue() throws Exception {
    String payload =
        "{\"id\": \"e-1\", \"detail-type\": \"Scheduled Event\", \"source\": \"aws.events\", \"time\": \"yesterday\"}";

    assertThatThrownBy(() -> AuditorEvent.parse(JSON.readTree(payload)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'yesterday'");
  }
}
