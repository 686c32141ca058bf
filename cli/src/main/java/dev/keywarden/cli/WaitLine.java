package dev.keywarden.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One line on a terminal that says what the command waits on and for how long, rewritten every
 * second, so that a run whose endpoint is slow or has stopped answering never looks hung; nothing
 * when no person is watching.
 */
final class WaitLine {
  private final PrintWriter err;
  private final boolean interactive;
  private final Duration tick;

  WaitLine(PrintWriter err, boolean interactive, Duration tick) {
    this.err = err;
    this.interactive = interactive;
    this.tick = tick;
  }

  /** On the process's stderr, when it is a terminal. */
  static WaitLine onTerminal() {
    return new WaitLine(
        new PrintWriter(System.err, true), Terminal.interactive(), Duration.ofSeconds(1));
  }

  /** Runs {@code work}, showing "{@code what}... N s" meanwhile; the line is cleared at the end. */
  <T> T during(String what, Supplier<T> work) {
    return during(() -> what, work);
  }

  /**
   * Runs {@code work}, showing "{@code what}... N s" meanwhile, {@code what} asked again at each
   * tick so that a step that changes replaces the last one in place; the line is cleared at the
   * end.
   */
  <T> T during(Supplier<String> what, Supplier<T> work) {
    if (!interactive) {
      return work.get();
    }
    long started = System.nanoTime();
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "keywarden-wait-line");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(
        () -> {
          long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
          synchronized (err) {
            err.print("\r" + what.get() + "... " + seconds + " s\u001b[K");
            err.flush();
          }
        },
        0,
        tick.toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      return work.get();
    } finally {
      timer.shutdownNow();
      try {
        timer.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (err) {
        err.print("\r\u001b[K");
        err.flush();
      }
    }
  }
}
