package dev.keywarden.testsupport.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Empty and malformed payloads, alike for every function: each is refused with the project's
 * InvalidInputException naming what arrived, before any call to AWS. Each function module's {@code
 * MalformedEventTest} extends it: it builds its handler before each test against an endpoint that
 * answers nothing, and declares the table it is held to as {@code static
 * List<MalformedPayloads.Case> cases()}, which its {@code MalformedEventRuntimeIT} sends again
 * under the runtime client.
 */
public abstract class MalformedEventContract {
  /** The exception a function answers bad input with, named: this module does not see its type. */
  public static final String INVALID_INPUT = "dev.keywarden.InvalidInputException";

  /** The handler under test, built before each test. */
  protected abstract RequestStreamHandler handler();

  /** What every one of this function's messages names besides the case's own part. */
  protected List<String> namedInEveryMessage() {
    return List.of();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void handleRequest_whenThePayloadIsMalformed_throwsNamingIt(MalformedPayloads.Case malformed) {
    Throwable thrown =
        catchThrowable(
            () ->
                handler()
                    .handleRequest(
                        new ByteArrayInputStream(
                            malformed.payload().getBytes(StandardCharsets.UTF_8)),
                        new ByteArrayOutputStream(),
                        null));

    assertThat(thrown).as("what %s throws", malformed).isNotNull();
    assertThat(thrown.getClass().getName())
        .as("%s: %s", malformed, thrown)
        .isEqualTo(INVALID_INPUT);
    assertThat(thrown).hasMessageContaining(malformed.message());
    for (String part : namedInEveryMessage()) {
      assertThat(thrown).hasMessageContaining(part);
    }
  }
}
