package dev.keywarden.aws;

import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything the named loggers write at DEBUG and above while it is open, to read back in a test.
 */
final class LogCapture implements AutoCloseable {
  private final StringWriter out = new StringWriter();
  private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
  private final WriterAppender appender;
  private final List<String> names;

  private LogCapture(List<String> names) {
    this.names = names;
    Configuration config = context.getConfiguration();
    appender =
        WriterAppender.newBuilder()
            .setName("capture-" + UUID.randomUUID())
            .setTarget(out)
            .setLayout(PatternLayout.newBuilder().withPattern("%level %c %m%n%ex").build())
            .build();
    appender.start();
    config.addAppender(appender);
    for (String name : names) {
      LoggerConfig logger = new LoggerConfig(name, Level.DEBUG, false);
      logger.addAppender(appender, Level.DEBUG, null);
      config.addLogger(name, logger);
    }
    context.updateLoggers();
  }

  static LogCapture of(String... loggerNames) {
    return new LogCapture(List.of(loggerNames));
  }

  String text() {
    return out.toString();
  }

  @Override
  public void close() {
    Configuration config = context.getConfiguration();
    names.forEach(config::removeLogger);
    context.updateLoggers();
    appender.stop();
  }
}
