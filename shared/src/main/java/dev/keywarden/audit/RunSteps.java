package dev.keywarden.audit;

/**
 * Told as an account's run begins each step (the checks, writing findings, deactivating, notices,
 * the summary), so that a command can show a person what it is doing while an endpoint is slow.
 * Nothing is decided on it; by default it hears nothing.
 */
@FunctionalInterface
public interface RunSteps {
  /**
   * The run of {@code accountId} begins {@code step}, a short lower-case phrase such as "running
   * the checks" or "deactivating 3 keys".
   */
  void begin(String accountId, String step);

  /** Hears nothing. */
  static RunSteps none() {
    return (accountId, step) -> {};
  }
}
