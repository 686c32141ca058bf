package dev.keywarden.notify;

import java.util.Map;

/** Sends owners' notices and the security team's alerts; SNS in production and on the emulator. */
public interface NoticePublisher {
  /** Publishes one owner's notice; returns the message id. */
  String publish(NoticeDraft draft);

  /** Publishes an alert to the security team. */
  void alert(String subject, String body, Map<String, String> attributes);
}
