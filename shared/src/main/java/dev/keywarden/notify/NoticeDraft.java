package dev.keywarden.notify;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One message to one owner, ready to publish, with the key stages it claims.
 *
 * <p>The store writes the draft (an outbox entry) in the same transaction that claims its stages,
 * so a crash after the claim can only delay the message to the next run, never lose it.
 *
 * @param id unique per account, stable for the run that made it (run id plus recipient)
 * @param recipient the owner's e-mail address (the {@code recipient} message attribute)
 * @param kind what the notice is about; its {@link NoticeKind#wire()} form is the {@code kind}
 *     attribute
 * @param subject under 100 characters
 * @param body the whole message text
 * @param claims key id ({@link KeyNoticeState#keyId()}) to the stage this message claims for it
 * @param attributes SNS message attributes: recipient, kind, accountId
 */
public record NoticeDraft(
    String id,
    String recipient,
    NoticeKind kind,
    String subject,
    String body,
    Map<String, StageClaim> claims,
    Map<String, String> attributes) {

  /** The stage a notice claims for one key. */
  public record StageClaim(String resourceId, java.time.Instant lastRotated, String stage) {
    public StageClaim {
      Objects.requireNonNull(resourceId, "resourceId");
      Objects.requireNonNull(lastRotated, "lastRotated");
      Objects.requireNonNull(stage, "stage");
    }
  }

  public NoticeDraft {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    claims = Map.copyOf(claims);
    attributes = Map.copyOf(attributes);
    if (subject.length() >= 100) {
      throw new IllegalArgumentException(
          "SNS e-mail subjects must be under 100 characters, got " + subject.length());
    }
  }

  public List<StageClaim> claimList() {
    return List.copyOf(claims.values());
  }
}
