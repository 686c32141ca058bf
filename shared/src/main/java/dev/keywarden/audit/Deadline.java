package dev.keywarden.audit;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * When a run must stop starting new work so that it ends cleanly before its host stops it: a Lambda
 * function is frozen at its timeout wherever it is, and a run that stops itself instead leaves no
 * half-finished step, gives its lease back and says what is left for the next run.
 *
 * <p>A run asks {@link #reached()} before each step that acts (each deactivation, each owner's
 * notice, the next account); a step already begun is finished. The margin must cover the longest
 * such step with its retries.
 */
public final class Deadline {
  private static final Deadline NONE = new Deadline(() -> Long.MAX_VALUE, Duration.ZERO);

  private final LongSupplier remainingMillis;
  private final Duration margin;

  private Deadline(LongSupplier remainingMillis, Duration margin) {
    this.remainingMillis = remainingMillis;
    this.margin = margin;
  }

  /** No deadline: the command line and tests run to the end. */
  public static Deadline none() {
    return NONE;
  }

  /**
   * A deadline read from the host.
   *
   * @param remainingMillis time the host still gives, in milliseconds, asked afresh each time (in
   *     Lambda, {@code Context::getRemainingTimeInMillis})
   * @param margin work stops when less than this remains
   */
  public static Deadline of(LongSupplier remainingMillis, Duration margin) {
    Objects.requireNonNull(remainingMillis, "remainingMillis");
    Objects.requireNonNull(margin, "margin");
    if (margin.isNegative()) {
      throw new IllegalArgumentException("margin must not be negative, got " + margin);
    }
    return new Deadline(remainingMillis, margin);
  }

  /** True once less than the margin remains: no new step may start. */
  public boolean reached() {
    return remainingMillis.getAsLong() < margin.toMillis();
  }

  /** The time left before the margin, never negative; for logs. */
  public Duration left() {
    long remaining = remainingMillis.getAsLong();
    return remaining == Long.MAX_VALUE
        ? Duration.ofMillis(Long.MAX_VALUE)
        : Duration.ofMillis(Math.max(0, remaining - margin.toMillis()));
  }

  @Override
  public String toString() {
    return this == NONE
        ? "no deadline"
        : "deadline with " + margin.toSeconds() + " s margin, " + left().toSeconds() + " s left";
  }
}
