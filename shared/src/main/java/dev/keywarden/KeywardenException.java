package dev.keywarden;

/** The project's unchecked failure: carries a message a person can act on, never a secret. */
public class KeywardenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KeywardenException(String message) {
    super(message);
  }

  public KeywardenException(String message, Throwable cause) {
    super(message, cause);
  }
}
