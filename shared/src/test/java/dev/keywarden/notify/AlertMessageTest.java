package dev.keywarden.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertMessageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DIGEST =
      """
      Keywarden weekly IAM report 2026-W48 (generated 2026-11-30 07:05 UTC)
      Coverage: 11 of 12 accounts audited; NOT AUDITED: 1:
        - payments-prod (111122223333): role KeywardenAuditRole could not be assumed
      Root user findings: 1 open.
      Open findings: 14 (+2 since last week): critical 1 (+1), high 9 (+1), medium 4 (±0), low 0 (±0).
      Full report: s3://keywarden-reports/reports/2026-W48/index.html
      """;
  private static final String DEFERRED =
      """
      Keywarden reached the per-run deactivation cap (2) in account 111122223333 (run run-1).
      1 expired keys stay active until a later run or a person deactivates them:
        svc-a access_key_1 (deadline 2026-11-30T06:00:00Z)
      Raise deactivation-cap if this many expirations are expected, or deactivate them by hand.
      """;

  private static JsonNode read(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void structured_givesEMailAndDefaultTheTextAndChatProtocolsTheNotification() throws Exception {
    JsonNode message =
        read(
            AlertMessage.structured(
                "Keywarden weekly IAM report 2026-W48",
                DIGEST,
                Map.of("kind", "weekly-digest", "week", "2026-W48")));

    assertThat(message.path("default").asText()).isEqualTo(DIGEST);
    assertThat(message.path("email").asText()).isEqualTo(DIGEST);
    for (String protocol : List.of("https", "lambda", "sqs")) {
      JsonNode chat = read(message.path(protocol).asText());
      assertThat(chat.path("version").asText()).as(protocol).isEqualTo("1.0");
      assertThat(chat.path("source").asText()).isEqualTo("custom");
    }
    List<String> keys = new ArrayList<>();
    message.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrder("default", "email", "https", "lambda", "sqs");
  }

  @Test
  void chat_forTheDigest_isATitledMessageWithTheKeyLinesAndTheReportAsNextStep() throws Exception {
    JsonNode chat =
        read(
            AlertMessage.chat(
                "Keywarden weekly IAM report 2026-W48",
                DIGEST,
                Map.of("kind", "weekly-digest", "week", "2026-W48")));

    JsonNode content = chat.path("content");
    assertThat(content.path("textType").asText()).isEqualTo("client-markdown");
    assertThat(content.path("title").asText()).isEqualTo("Keywarden weekly IAM report 2026-W48");
    assertThat(content.path("description").asText().lines().toList())
        .contains(
            "Coverage: 11 of 12 accounts audited; NOT AUDITED: 1:",
            "• payments-prod (111122223333): role KeywardenAuditRole could not be assumed")
        .hasSize(6);
    assertThat(content.path("nextSteps"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "Open the full report: s3://keywarden-reports/reports/2026-W48/index.html",
            "For each account not audited, check that KeywardenAuditRole exists there and trusts the auditor with the"
                + " ExternalId (docs/operations.md)");
    assertThat(content.path("keywords"))
        .extracting(JsonNode::asText)
        .containsExactly("weekly-digest", "2026-W48");
    assertThat(chat.path("metadata").path("eventType").asText()).isEqualTo("weekly-digest");
    assertThat(chat.path("metadata").path("additionalContext").path("week").asText())
        .isEqualTo("2026-W48");
  }

  @Test
  void chat_forDeferredDeactivations_namesTheKeysAndSaysWhatToDo() throws Exception {
    JsonNode content =
        read(AlertMessage.chat(
                "Keywarden: deactivation cap reached in 111122223333",
                DEFERRED,
                Map.of("kind", "deactivation-deferred", "accountId", "111122223333")))
            .path("content");

    assertThat(content.path("description").asText().lines().toList())
        .contains("• svc-a access_key_1 (deadline 2026-11-30T06:00:00Z)");
    assertThat(content.path("nextSteps"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "Raise deactivation-cap if this many expirations are expected, or deactivate them by hand.");
    assertThat(content.path("keywords"))
        .extracting(JsonNode::asText)
        .containsExactly("deactivation-deferred", "111122223333");
  }

  @Test
  void chat_forAnAlertOfAnotherKind_hasTheTextAndNoInventedNextSteps() throws Exception {
    JsonNode content =
        read(AlertMessage.chat(
                "Keywarden: something failed",
                "line one\nline two\n",
                Map.of("kind", "action-failed")))
            .path("content");

    assertThat(content.path("description").asText()).isEqualTo("line one\nline two");
    assertThat(content.has("nextSteps")).isFalse();
  }

  @Test
  void chat_whenTheBodyIsLong_showsTheFirstLinesAndCountsTheRest() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      body.append("line ").append(i).append('\n');
    }

    String description =
        read(AlertMessage.chat("s", body.toString(), Map.of()))
            .path("content")
            .path("description")
            .asText();

    assertThat(description.lines())
        .hasSize(AlertMessage.CHAT_LINES + 1)
        .last()
        .isEqualTo("_and 15 more lines in the e-mail_");
  }

  @Test
  void chat_whenTextFromPeopleCarriesMentionsOrLinks_makesThemInert() throws Exception {
    JsonNode content =
        read(AlertMessage.chat(
                "cap reached <!channel>",
                "user <https://evil.example|click> & co\n",
                Map.of("kind", "x")))
            .path("content");

    assertThat(content.path("title").asText()).isEqualTo("cap reached &lt;!channel&gt;");
    assertThat(content.path("description").asText())
        .isEqualTo("user &lt;https://evil.example|click&gt; &amp; co")
        .doesNotContain("<");
  }
}
