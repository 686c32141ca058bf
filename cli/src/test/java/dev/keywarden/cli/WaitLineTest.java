package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitLineTest {
  @Test
  void during_whenAPersonWatches_saysWhatItWaitsOnThenClearsTheLine() {
    StringWriter err = new StringWriter();
    WaitLine line = new WaitLine(new PrintWriter(err, true), true, Duration.ofMillis(10));

    String result =
        line.during(
            "Reading the inventory",
            () -> {
              long until = System.nanoTime() + 60_000_000L;
              while (System.nanoTime() < until) {
                Thread.onSpinWait();
              }
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(err.toString()).contains("\rReading the inventory... 0 s").endsWith("\r\u001b[K");
  }

  @Test
  void during_whenNobodyWatches_printsNothing() {
    StringWriter err = new StringWriter();

    new WaitLine(new PrintWriter(err, true), false, Duration.ofMillis(10))
        .during("Reading", () -> 1);

    assertThat(err.toString()).isEmpty();
  }
}
