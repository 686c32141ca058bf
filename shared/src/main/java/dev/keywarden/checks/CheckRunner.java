package dev.keywarden.checks;

/** Runs the whole catalogue over one account and applies exemptions. */
public final class CheckRunner {
  private CheckRunner() {}

  /** Evaluates every check of the catalogue in the context, then sets exempted findings aside. */
  public static AuditResult run(CheckContext context) {
    throw new UnsupportedOperationException("not built yet");
  }
}
