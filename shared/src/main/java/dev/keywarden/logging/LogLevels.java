package dev.keywarden.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.Level;

/**
 * The thresholds a function logs at, from its environment: {@value #ROOT_VARIABLE} for every logger
 * (default {@code info}) and {@value #SDK_VARIABLE} for the SDK's loggers (default {@code warn}:
 * its request-level detail is rarely worth the log volume).
 *
 * @param root the threshold of every logger outside the SDK
 * @param sdk the threshold of {@value #SDK_LOGGERS} and the loggers below it
 * @param problems what was wrong with a variable, each naming it and the threshold used instead
 */
public record LogLevels(Level root, Level sdk, List<String> problems) {
  /** The threshold of every logger. */
  public static final String ROOT_VARIABLE = "KEYWARDEN_LOG_LEVEL";

  /** The threshold of the SDK's loggers. */
  public static final String SDK_VARIABLE = "KEYWARDEN_SDK_LOG_LEVEL";

  /** The SDK's loggers: this one and those whose name continues it with a dot. */
  public static final String SDK_LOGGERS = "software.amazon.awssdk";

  private static final List<Level> NAMED =
      List.of(
          Level.OFF,
          Level.FATAL,
          Level.ERROR,
          Level.WARN,
          Level.INFO,
          Level.DEBUG,
          Level.TRACE,
          Level.ALL);

  public LogLevels {
    problems = List.copyOf(problems);
  }

  /**
   * The thresholds the environment sets. An unset or blank variable takes its default; a value that
   * names no level takes the default too, and is one of {@link #problems()}: logging must start
   * whatever the configuration, and say what it ignored.
   */
  public static LogLevels from(Map<String, String> environment) {
    List<String> problems = new ArrayList<>();
    Level root = parse(environment, ROOT_VARIABLE, Level.INFO, problems);
    Level sdk = parse(environment, SDK_VARIABLE, Level.WARN, problems);
    return new LogLevels(root, sdk, problems);
  }

  /** The threshold of the named logger. */
  public Level levelFor(String loggerName) {
    boolean inSdk =
        loggerName.equals(SDK_LOGGERS)
            || (loggerName.startsWith(SDK_LOGGERS)
                && loggerName.charAt(SDK_LOGGERS.length()) == '.');
    return inSdk ? sdk : root;
  }

  private static Level parse(
      Map<String, String> environment, String variable, Level fallback, List<String> problems) {
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String name = value.trim().toUpperCase(Locale.ROOT);
    for (Level level : NAMED) {
      if (level.name().equals(name)) {
        return level;
      }
    }
    problems.add(
        String.format(
            Locale.ROOT,
            "%s is '%s', which is not one of %s: logging at %s instead",
            variable,
            value,
            String.join(", ", NAMED.stream().map(l -> l.name().toLowerCase(Locale.ROOT)).toList()),
            fallback.name().toLowerCase(Locale.ROOT)));
    return fallback;
  }
}
