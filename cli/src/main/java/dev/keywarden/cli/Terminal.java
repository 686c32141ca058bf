package dev.keywarden.cli;

/** Whether output goes to a person at a terminal, so that colour and progress are welcome. */
final class Terminal {
  private Terminal() {}

  /** True when stdout is a terminal and neither {@code NO_COLOR} nor {@code TERM=dumb} asks otherwise. */
  static boolean colourWanted() {
    return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
  }

  /**
   * True when a person is watching, so that progress may rewrite one line: the JVM has a console
   * (Java cannot ask about stderr alone) and the terminal is not {@code dumb}.
   */
  static boolean interactive() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"));
  }
}
