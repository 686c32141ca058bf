package dev.keywarden.logging;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.message.ParameterizedMessageFactory;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.apache.logging.log4j.spi.LoggerContext;
import org.apache.logging.log4j.spi.LoggerRegistry;

/**
 * The loggers of a process, their thresholds ({@link LogLevels}) and where their lines go: the
 * standard output as it is when a line is written, so that a runtime that replaces {@code
 * System.out} (Lambda's runtime client frames each write) gets every line.
 */
public final class JsonLinesContext implements LoggerContext {
  private static final MessageFactory MESSAGES = ParameterizedMessageFactory.INSTANCE;

  private final LogLevels levels;
  private final LongSupplier clock;
  private final Supplier<PrintStream> out;
  private final LoggerRegistry<JsonLinesLogger> loggers = new LoggerRegistry<>();

  JsonLinesContext(LogLevels levels, LongSupplier clock, Supplier<PrintStream> out) {
    this.levels = levels;
    this.clock = clock;
    this.out = out;
    for (String problem : levels.problems()) {
      getLogger(JsonLinesContext.class.getName()).warn(problem);
    }
  }

  /** The context of a process with this environment, writing to {@code System.out}. */
  static JsonLinesContext fromEnvironment(Map<String, String> environment) {
    return new JsonLinesContext(
        LogLevels.from(environment), System::currentTimeMillis, () -> System.out);
  }

  @Override
  public Object getExternalContext() {
    return null;
  }

  @Override
  public ExtendedLogger getLogger(String name) {
    return getLogger(name, null);
  }

  @Override
  public ExtendedLogger getLogger(String name, MessageFactory messageFactory) {
    MessageFactory factory = messageFactory == null ? MESSAGES : messageFactory;
    JsonLinesLogger known = loggers.getLogger(name, factory);
    if (known != null) {
      return known;
    }
    loggers.putIfAbsent(name, factory, new JsonLinesLogger(name, factory, this));
    return loggers.getLogger(name, factory);
  }

  @Override
  public LoggerRegistry<JsonLinesLogger> getLoggerRegistry() {
    return loggers;
  }

  @Override
  public boolean hasLogger(String name) {
    return loggers.hasLogger(name);
  }

  @Override
  public boolean hasLogger(String name, MessageFactory messageFactory) {
    return loggers.hasLogger(name, messageFactory == null ? MESSAGES : messageFactory);
  }

  @Override
  public boolean hasLogger(String name, Class<? extends MessageFactory> messageFactoryClass) {
    return loggers.hasLogger(name, messageFactoryClass);
  }

  Level levelFor(String loggerName) {
    return levels.levelFor(loggerName);
  }

  long now() {
    return clock.getAsLong();
  }

  /** Writes the line in one call, as UTF-8, and flushes it. */
  void write(String line) {
    PrintStream stream = out.get();
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    synchronized (stream) {
      stream.write(bytes, 0, bytes.length);
      stream.flush();
    }
  }
}
