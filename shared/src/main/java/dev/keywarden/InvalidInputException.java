package dev.keywarden;

/**
 * Input that Keywarden cannot use: a file, a flag, a setting or a value in a report.
 *
 * <p>The message names what was wrong (the file and line, or the setting), the value received and
 * how to fix it; the command turns it into exit code 2 with no stack trace.
 */
public class InvalidInputException extends KeywardenException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
