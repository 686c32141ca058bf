package dev.keywarden.checks;

import dev.keywarden.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How urgently a finding wants a person's attention, most urgent first. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  /** Whether this severity is at least as urgent as {@code other}. */
  public boolean atLeast(Severity other) {
    return compareTo(other) <= 0;
  }

  /** The lower-case name used in output and configuration. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a severity name in any case, naming the accepted values when it is none of them. */
  public static Severity parse(String text, String setting) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String accepted =
          Arrays.stream(values()).map(Severity::label).collect(Collectors.joining(", "));
      throw new InvalidInputException(
          setting + ": '" + text + "' is not a severity; use one of " + accepted);
    }
  }
}
