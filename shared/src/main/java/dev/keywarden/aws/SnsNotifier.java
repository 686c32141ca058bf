package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.notify.AlertMessage;
import dev.keywarden.notify.NoticeDraft;
import dev.keywarden.notify.NoticePublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes owners' notices to the notices topic and alerts to the security team's topic, with the
 * {@code recipient}, {@code kind} and {@code accountId} attributes that subscribers filter on.
 * Alerts go out per protocol ({@link AlertMessage}): readable text by e-mail, the chat
 * integration's custom-notification JSON to HTTPS, Lambda and SQS subscribers.
 */
public final class SnsNotifier implements NoticePublisher {
  private static final Logger LOG = LogManager.getLogger(SnsNotifier.class);

  private final SnsClient sns;
  private final String noticesTopicArn;
  private final Optional<String> securityTopicArn;

  private SnsNotifier(SnsClient sns, String noticesTopicArn, Optional<String> securityTopicArn) {
    this.sns = Objects.requireNonNull(sns, "sns");
    this.noticesTopicArn = Objects.requireNonNull(noticesTopicArn, "noticesTopicArn");
    this.securityTopicArn = Objects.requireNonNull(securityTopicArn, "securityTopicArn");
  }

  public static SnsNotifier create(
      SnsClient sns, String noticesTopicArn, Optional<String> securityTopicArn) {
    return new SnsNotifier(sns, noticesTopicArn, securityTopicArn);
  }

  @Override
  public String publish(NoticeDraft draft) {
    return send(noticesTopicArn, draft.subject(), draft.body(), draft.attributes());
  }

  @Override
  public void alert(String subject, String body, Map<String, String> attributes) {
    if (securityTopicArn.isEmpty()) {
      LOG.warn("no security-topic-arn is configured; alert not sent: {}", subject);
      return;
    }
    send(
        securityTopicArn.get(),
        subject,
        AlertMessage.structured(subject, body, attributes),
        true,
        attributes);
  }

  private String send(
      String topicArn, String subject, String body, Map<String, String> attributes) {
    return send(topicArn, subject, body, false, attributes);
  }

  /** Publishes; a structured message carries one text per protocol ({@link AlertMessage}). */
  private String send(
      String topicArn,
      String subject,
      String message,
      boolean structured,
      Map<String, String> attributes) {
    Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
    attributes.forEach(
        (k, v) ->
            values.put(
                k, MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
    try {
      return sns.publish(
              r ->
                  r.topicArn(topicArn)
                      .subject(subject)
                      .message(message)
                      .messageStructure(structured ? "json" : null)
                      .messageAttributes(values))
          .messageId();
    } catch (SdkException e) {
      throw new KeywardenException("sns:Publish to " + topicArn + " failed: " + e.getMessage(), e);
    }
  }
}
