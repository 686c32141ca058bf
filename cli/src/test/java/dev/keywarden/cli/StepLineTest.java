package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StepLineTest {
  private static void spin(long millis) {
    long until = System.nanoTime() + millis * 1_000_000L;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  @Test
  void render_namesTheAccountAndTheStep() {
    assertThat(StepLine.render("123456789012", "Deactivating 3 keys"))
        .isEqualTo("Account 123456789012: deactivating 3 keys");
  }

  @Test
  void current_isTheFirstLineUntilAStepIsTold_thenTheLatestStep() {
    StepLine steps = new StepLine("Account 123456789012: starting the run");
    assertThat(steps.current()).isEqualTo("Account 123456789012: starting the run");

    steps.begin("123456789012", "running the checks");
    steps.begin("123456789012", "sending owners' notices");

    assertThat(steps.current()).isEqualTo("Account 123456789012: sending owners' notices");
  }

  @Test
  void during_onATerminal_eachStepReplacesTheLastInPlace() {
    StringWriter err = new StringWriter();
    StepLine steps = new StepLine("Account 123456789012: starting the run");

    new WaitLine(new PrintWriter(err, true), true, Duration.ofMillis(10))
        .during(
            steps::current,
            () -> {
              spin(60);
              steps.begin("123456789012", "deactivating 2 keys");
              spin(60);
              return 0;
            });

    String shown = err.toString();
    assertThat(shown)
        .contains("\rAccount 123456789012: starting the run... 0 s\u001b[K")
        .contains("\rAccount 123456789012: deactivating 2 keys... 0 s\u001b[K")
        .endsWith("\r\u001b[K")
        .doesNotContain("\n");
    assertThat(shown.indexOf("starting the run")).isLessThan(shown.indexOf("deactivating 2 keys"));
  }

  @Test
  void during_onAPipe_printsNothing() {
    StringWriter err = new StringWriter();
    StepLine steps = new StepLine("Account 123456789012: starting the run");

    new WaitLine(new PrintWriter(err, true), false, Duration.ofMillis(10))
        .during(
            steps::current,
            () -> {
              steps.begin("123456789012", "deactivating 2 keys");
              spin(30);
              return 0;
            });

    assertThat(err.toString()).isEmpty();
  }
}
