package dev.keywarden.logging;

import org.apache.logging.log4j.spi.Provider;

/**
 * Registers {@link JsonLinesContextFactory} with the Log4j API. A function lists this class in its
 * {@code META-INF/services/org.apache.logging.log4j.spi.Provider}; the command does not, and keeps
 * Log4j's core.
 */
public final class JsonLinesProvider extends Provider {
  /** Below Log4j core's own priority (10), should both ever be on one class path. */
  static final int PRIORITY = 5;

  /** Loaded by the Log4j API through {@link java.util.ServiceLoader}. */
  public JsonLinesProvider() {
    super(PRIORITY, "2.6.0", JsonLinesContextFactory.class);
  }
}
