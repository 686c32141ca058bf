package dev.keywarden.emulator;

/**
 * The emulator could not be installed, started or reached; the message says what is missing and the
 * command that fixes it.
 */
public final class EmulatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmulatorException(String message) {
    super(message);
  }

  public EmulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
