package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import java.time.Duration;

/** Waits between polls; injected so that tests of the polling run without waiting. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration);

  /** Sleeps the current thread; an interrupt ends the wait with the interrupt flag kept. */
  static Sleeper system() {
    return duration -> {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KeywardenException("interrupted while waiting " + duration + " for AWS", e);
      }
    };
  }
}
