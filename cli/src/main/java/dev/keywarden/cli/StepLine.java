package dev.keywarden.cli;

import dev.keywarden.audit.RunSteps;
import java.util.Locale;

/**
 * The step an account's run is in, as the {@link WaitLine} shows it ("Account 123456789012:
 * deactivating 3 keys... 4 s"), so that a person watching sees each step replace the last one and a
 * silent endpoint shows which step it holds up.
 */
final class StepLine implements RunSteps {
  private volatile String current;

  /** Shows {@code first} until the run tells its first step. */
  StepLine(String first) {
    this.current = first;
  }

  @Override
  public void begin(String accountId, String step) {
    current = render(accountId, step);
  }

  /** What the line says now. */
  String current() {
    return current;
  }

  static String render(String accountId, String step) {
    String what =
        step.isEmpty() ? step : step.substring(0, 1).toLowerCase(Locale.ROOT) + step.substring(1);
    return "Account " + accountId + ": " + what;
  }
}
