package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.logging.JsonLinesContext;
import dev.keywarden.logging.JsonLinesContextFactory;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The function logs through the project's JSON-lines provider, its own code through the Log4j API
 * and the SDK through SLF4J, with no Log4j core on its class path.
 */
class LoggingTest {
  @Test
  void log4jApi_isServedByTheJsonLinesProvider() {
    assertThat(LogManager.getFactory()).isInstanceOf(JsonLinesContextFactory.class);
    assertThat(LogManager.getContext(false)).isInstanceOf(JsonLinesContext.class);
  }

  @Test
  void sdkLoggingThroughSlf4j_reachesTheSameContextAtTheSdksThreshold() {
    org.slf4j.Logger sdk = LoggerFactory.getLogger("software.amazon.awssdk.request");

    assertThat(sdk.isWarnEnabled()).isTrue();
    assertThat(sdk.isInfoEnabled()).isFalse();
    assertThat(((JsonLinesContext) LogManager.getContext(false)).hasLogger(sdk.getName())).isTrue();
  }

  @Test
  void log4jCore_isNotOnTheClassPath() {
    assertThat(
            getClass()
                .getClassLoader()
                .getResource("org/apache/logging/log4j/core/LoggerContext.class"))
        .isNull();
  }
}
