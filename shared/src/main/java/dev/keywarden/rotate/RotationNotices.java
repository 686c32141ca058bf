package dev.keywarden.rotate;

import dev.keywarden.notify.KeyNoticeState;
import dev.keywarden.notify.NoticeDraft;
import dev.keywarden.notify.NoticeKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The words of assisted-rotation notices: where the new key is and how to switch, then what
 * Keywarden sees of both keys, then the cut-over. They name keys by id and the secret by name,
 * never its value.
 */
final class RotationNotices {
  /** The {@code kind} attribute of assisted-rotation notices. */
  static final NoticeKind KIND = NoticeKind.ASSISTED_ROTATION;

  private RotationNotices() {}

  static NoticeDraft created(
      String accountId,
      String runId,
      String recipient,
      RotationRecord rotation,
      RotationPlan.OldKey old,
      String stage,
      int quietHours,
      Instant now) {
    String body =
        "Keywarden created a new access key for user "
            + clean(old.userName())
            + " in AWS account "
            + accountId
            + ", because its key access_key_"
            + old.slot()
            + " ("
            + rotation.oldKeyId()
            + ") reaches its maximum age on "
            + old.deadline()
            + " ("
            + left(old.deadline(), now)
            + ").\n\n"
            + where(accountId, rotation)
            + howToSwitch(quietHours)
            + undo(accountId, old.userName(), rotation.oldKeyId());
    return draft(accountId, runId, recipient, "new key created", old, stage, body);
  }

  static NoticeDraft status(
      String accountId,
      String runId,
      String recipient,
      RotationPlan.Watching w,
      String stage,
      int quietHours,
      Instant now) {
    RotationRecord rotation = w.rotation();
    String newKey = rotation.newKeyId().orElse("(unknown)");
    StringBuilder body =
        new StringBuilder()
            .append("Assisted rotation of user ")
            .append(clean(w.old().userName()))
            .append(" in AWS account ")
            .append(accountId)
            .append(": the old key access_key_")
            .append(w.old().slot())
            .append(" (")
            .append(rotation.oldKeyId())
            .append(") reaches its maximum age on ")
            .append(w.old().deadline())
            .append(" (")
            .append(left(w.old().deadline(), now))
            .append(").\n\nWhat Keywarden sees:\n");
    if (!w.newKeyActive()) {
      body.append("- new key ").append(newKey).append(": not active; nothing can use it\n");
    } else if (w.newKeyLastUsed().isEmpty()) {
      body.append("- new key ").append(newKey).append(": not used yet\n");
    } else {
      body.append("- new key ")
          .append(newKey)
          .append(": in use, last used ")
          .append(w.newKeyLastUsed().get())
          .append('\n');
    }
    if (w.oldKeyLastUsed().isEmpty()) {
      body.append("- old key ").append(rotation.oldKeyId()).append(": never used\n");
    } else if (RotationPlanner.quiet(w.oldKeyLastUsed(), now, Duration.ofHours(quietHours))) {
      body.append("- old key ")
          .append(rotation.oldKeyId())
          .append(": not used since ")
          .append(w.oldKeyLastUsed().get())
          .append('\n');
    } else {
      body.append("- old key ")
          .append(rotation.oldKeyId())
          .append(": still used, last at ")
          .append(w.oldKeyLastUsed().get())
          .append('\n');
    }
    body.append('\n')
        .append(where(accountId, rotation))
        .append(howToSwitch(quietHours))
        .append(undo(accountId, w.old().userName(), rotation.oldKeyId()));
    return draft(accountId, runId, recipient, "status", w.old(), stage, body.toString());
  }

  static NoticeDraft cutOver(
      String accountId, String runId, String recipient, RotationPlan.Watching w, int quietHours) {
    RotationRecord rotation = w.rotation();
    String body =
        "Keywarden deactivated the old access key access_key_"
            + w.old().slot()
            + " ("
            + rotation.oldKeyId()
            + ") of user "
            + clean(w.old().userName())
            + " in AWS account "
            + accountId
            + " before its deadline ("
            + w.old().deadline()
            + "): the new key "
            + rotation.newKeyId().orElse("")
            + " is in use (last used "
            + w.newKeyLastUsed().map(Instant::toString).orElse("recently")
            + ") and the old key was not used for "
            + quietHours
            + " hours"
            + w.oldKeyLastUsed().map(u -> " (last used " + u + ")").orElse(" (never used)")
            + ". It was not deleted.\n\n"
            + "The application keeps reading the new key from Secrets Manager secret "
            + rotation.secretName()
            + ".\n"
            + "If something broke, the security team can turn the old key back on for a while with\n"
            + "  keywarden reactivate --account "
            + accountId
            + " --user "
            + clean(w.old().userName())
            + " --key "
            + rotation.oldKeyId()
            + " --reason \"...\"\n"
            + "When nothing needs it, delete it: aws iam delete-access-key --user-name "
            + clean(w.old().userName())
            + " --access-key-id "
            + rotation.oldKeyId()
            + "\n";
    return draft(accountId, runId, recipient, "old key deactivated", w.old(), "deactivated", body);
  }

  static NoticeDraft blocked(
      String accountId, String runId, String recipient, RotationPlan.Blocked b, Instant now) {
    String body =
        "Keywarden could not create a new access key for user "
            + clean(b.old().userName())
            + " in AWS account "
            + accountId
            + ", whose key access_key_"
            + b.old().slot()
            + " reaches its maximum age on "
            + b.old().deadline()
            + " ("
            + left(b.old().deadline(), now)
            + "): "
            + clean(b.reason())
            + ".\n\n"
            + "Until then, rotate by hand:\n"
            + "1. Deactivate and delete the key nothing uses (aws iam delete-access-key), or create the new one yourself.\n"
            + "2. Put the new key in the application, deploy, and deactivate the old one.\n"
            + "Keywarden deactivates the old key at its deadline.\n";
    return draft(
        accountId, runId, recipient, "new key not created", b.old(), b.stage().orElseThrow(), body);
  }

  private static String where(String accountId, RotationRecord rotation) {
    return "Where the new key is: Secrets Manager secret "
        + rotation.secretName()
        + " in account "
        + accountId
        + ", a JSON object with AccessKeyId and SecretAccessKey (new key "
        + rotation.newKeyId().orElse("")
        + ").\n"
        + "Its value is in that secret only: Keywarden keeps no copy and never sends it.\n\n";
  }

  private static String howToSwitch(int quietHours) {
    return "What to do:\n"
        + "1. Make the application read its credentials from that secret (secretsmanager:GetSecretValue), or copy them\n"
        + "   into wherever it keeps them, and deploy.\n"
        + "2. Nothing else. Once the new key has been used and the old key has not been used for "
        + quietHours
        + " hours,\n"
        + "   Keywarden deactivates the old key (it never deletes it) and tells you. At the deadline it deactivates the\n"
        + "   old key whatever still uses it.\n\n";
  }

  private static String undo(String accountId, String userName, String oldKeyId) {
    return "If you do not want the new key, ask the security team to withdraw it (it is deactivated and the secret\n"
        + "deleted): keywarden withdraw-rotation --account "
        + accountId
        + " --user "
        + clean(userName)
        + " --reason \"...\"\n";
  }

  private static NoticeDraft draft(
      String accountId,
      String runId,
      String recipient,
      String what,
      RotationPlan.OldKey old,
      String stage,
      String body) {
    String id = runId + "#" + recipient + "#" + KIND.wire() + "#" + old.userName();
    return new NoticeDraft(
        id,
        recipient,
        KIND,
        "Keywarden: assisted rotation in account " + accountId + ": " + what,
        body,
        Map.of(
            KeyNoticeState.keyId(old.resourceId(), old.created()),
            new NoticeDraft.StageClaim(old.resourceId(), old.created(), stage)),
        Map.of("recipient", recipient, "kind", KIND.wire(), "accountId", accountId));
  }

  private static String left(Instant deadline, Instant now) {
    long hours = Duration.between(now, deadline).toHours();
    return hours <= 0 ? "passed" : hours < 48 ? hours + " hours left" : (hours / 24) + " days left";
  }

  /** Tag- and name-derived text never carries control characters into a message. */
  static String clean(String text) {
    return text.replaceAll("[\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]", "?");
  }
}
