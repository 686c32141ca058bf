package dev.keywarden.checks;

/**
 * One rule of the catalogue: a pure function of the inventory, the policy and the as-of time.
 *
 * <p>A check never calls AWS and never reads the clock; everything it needs is in the context, so
 * it can be tested at its exact boundaries without an emulator.
 */
public interface Check {
  CheckMetadata metadata();

  /**
   * Evaluates the rule, or says why it cannot on this inventory (never guesses a missing value).
   */
  CheckOutcome evaluate(CheckContext context);
}
