package dev.keywarden.logging;

import java.net.URI;
import org.apache.logging.log4j.spi.LoggerContext;
import org.apache.logging.log4j.spi.LoggerContextFactory;

/**
 * One logging context for the whole process, configured from the environment when first used (see
 * {@link LogLevels}). A function has one class loader and no reconfiguration, so every request gets
 * the same context.
 */
public final class JsonLinesContextFactory implements LoggerContextFactory {
  private static final class Holder {
    static final JsonLinesContext CONTEXT = JsonLinesContext.fromEnvironment(System.getenv());
  }

  /** Instantiated by {@link JsonLinesProvider}. */
  public JsonLinesContextFactory() {}

  @Override
  public LoggerContext getContext(
      String fqcn, ClassLoader loader, Object externalContext, boolean currentContext) {
    return Holder.CONTEXT;
  }

  @Override
  public LoggerContext getContext(
      String fqcn,
      ClassLoader loader,
      Object externalContext,
      boolean currentContext,
      URI configLocation,
      String name) {
    return Holder.CONTEXT;
  }

  @Override
  public void removeContext(LoggerContext context) {
    // The one context lives as long as the process.
  }

  @Override
  public boolean isClassLoaderDependent() {
    return false;
  }
}
