package dev.keywarden.logging;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.spi.AbstractLogger;

/**
 * A logger of {@link JsonLinesContext}: an event at or above its threshold becomes one {@link
 * JsonLine}. Markers are not written.
 */
final class JsonLinesLogger extends AbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient JsonLinesContext context;
  private final Level threshold;

  JsonLinesLogger(String name, MessageFactory messageFactory, JsonLinesContext context) {
    super(name, messageFactory);
    this.context = context;
    this.threshold = context.levelFor(name);
  }

  @Override
  public Level getLevel() {
    return threshold;
  }

  private boolean enabled(Level level) {
    return level.intLevel() <= threshold.intLevel() && level.intLevel() > Level.OFF.intLevel();
  }

  @Override
  public void logMessage(
      String fqcn, Level level, Marker marker, Message message, Throwable throwable) {
    Throwable error = throwable != null ? throwable : message.getThrowable();
    context.write(
        JsonLine.render(
            context.now(),
            level.name(),
            getName(),
            String.valueOf(message.getFormattedMessage()),
            ThreadContext::get,
            error));
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, Message message, Throwable t) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, CharSequence message, Throwable t) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, Object message, Throwable t) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message, Throwable t) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message, Object... params) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message, Object p0) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(Level level, Marker marker, String message, Object p0, Object p1) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level, Marker marker, String message, Object p0, Object p1, Object p2) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level, Marker marker, String message, Object p0, Object p1, Object p2, Object p3) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level,
      Marker marker,
      String message,
      Object p0,
      Object p1,
      Object p2,
      Object p3,
      Object p4) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level,
      Marker marker,
      String message,
      Object p0,
      Object p1,
      Object p2,
      Object p3,
      Object p4,
      Object p5) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level,
      Marker marker,
      String message,
      Object p0,
      Object p1,
      Object p2,
      Object p3,
      Object p4,
      Object p5,
      Object p6) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level,
      Marker marker,
      String message,
      Object p0,
      Object p1,
      Object p2,
      Object p3,
      Object p4,
      Object p5,
      Object p6,
      Object p7) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level,
      Marker marker,
      String message,
      Object p0,
      Object p1,
      Object p2,
      Object p3,
      Object p4,
      Object p5,
      Object p6,
      Object p7,
      Object p8) {
    return enabled(level);
  }

  @Override
  public boolean isEnabled(
      Level level,
      Marker marker,
      String message,
      Object p0,
      Object p1,
      Object p2,
      Object p3,
      Object p4,
      Object p5,
      Object p6,
      Object p7,
      Object p8,
      Object p9) {
    return enabled(level);
  }
}
