package dev.keywarden.cli;

import java.io.Console;

/** Whether output goes to a person at a terminal, so that colour and progress are welcome. */
final class Terminal {
  private Terminal() {}

  /**
   * True when stdout is a terminal and neither {@code NO_COLOR} nor {@code TERM=dumb} asks
   * otherwise.
   */
  static boolean colourWanted() {
    return atTerminal()
        && System.getenv("NO_COLOR") == null
        && !"dumb".equals(System.getenv("TERM"));
  }

  /**
   * True when a person is watching, so that progress may rewrite one line: the JVM has a console
   * (Java cannot ask about stderr alone) and the terminal is not {@code dumb}.
   */
  static boolean interactive() {
    return atTerminal() && !"dumb".equals(System.getenv("TERM"));
  }

  /**
   * Whether the JVM's console is a terminal. Up to JDK 21 {@link System#console()} is null when it
   * is not; from JDK 22 there is always a console and {@code Console.isTerminal()} (not in Java
   * 17's API, so asked for by name) tells.
   */
  // Error Prone's SystemConsoleNull warns that the null test alone is wrong from JDK 22; it is kept
  // for
  // JDK 17 to 21, where null is the answer, and isTerminal answers on later JDKs.
  @SuppressWarnings("SystemConsoleNull")
  private static boolean atTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException beforeJdk22) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
