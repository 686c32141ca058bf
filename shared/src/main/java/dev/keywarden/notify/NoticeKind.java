package dev.keywarden.notify;

import dev.keywarden.InvalidInputException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a message Keywarden publishes is about, so that code can switch on it exhaustively while
 * subscribers, filter policies and stored outbox entries keep reading the same text.
 *
 * <p>The {@link #wire()} form is the {@code kind} SNS message attribute, the {@code kind} of an
 * outbox item in the findings table and part of a notice's id; it never changes, even if a constant
 * is renamed.
 */
public enum NoticeKind {
  /** An owner's notice that keys near or past their deadline must be rotated. */
  ROTATION("rotation-notice"),
  /** An owner's notice that keys were deactivated. */
  DEACTIVATION("deactivation-notice"),
  /** An owner's notice about an assisted rotation's new key, cut-over or withdrawal. */
  ASSISTED_ROTATION("assisted-rotation-notice"),
  /** The security team's alert that condemned keys could not be deactivated. */
  DEACTIVATION_FAILED("deactivation-failed"),
  /** The security team's alert that the per-run cap left expired keys active. */
  DEACTIVATION_DEFERRED("deactivation-deferred"),
  /** The security team's weekly digest with the report's link. */
  WEEKLY_DIGEST("weekly-digest");

  private final String wire;

  NoticeKind(String wire) {
    this.wire = wire;
  }

  /** The text form published and stored, such as {@code rotation-notice}. */
  public String wire() {
    return wire;
  }

  /** The kind whose {@link #wire()} form is {@code text}, if any (exact match). */
  public static Optional<NoticeKind> find(String text) {
    return Arrays.stream(values()).filter(k -> k.wire.equals(text)).findFirst();
  }

  /**
   * The kind whose {@link #wire()} form is {@code text}; fails, naming the known forms, for any
   * other text.
   */
  public static NoticeKind fromWire(String text) {
    return find(text)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "notice kind '"
                        + text
                        + "' is unknown; known kinds are "
                        + Arrays.stream(values())
                            .map(NoticeKind::wire)
                            .collect(Collectors.joining(", "))));
  }
}
