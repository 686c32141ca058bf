package dev.keywarden.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQS bodies nobody meant to send: each is refused with a message that says what is wrong and stays
 * short.
 */
class AuditRequestHostileTest {
  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("", "must be a JSON object"),
        Arguments.of("   ", "must be a JSON object"),
        Arguments.of("not json at all", "not JSON"),
        Arguments.of("{\"runId\":\"r1\",\"accountId\":\"123456789012\"", "not JSON"),
        Arguments.of("{\"runId\":\"r1\",\"accountId\":\"123456789012\"} trailing", "not JSON"),
        Arguments.of(
            "{\"runId\":\"r1\",\"accountId\":\"123456789012\"}{\"runId\":\"r2\"}", "not JSON"),
        Arguments.of("null", "must be a JSON object"),
        Arguments.of("[\"r1\",\"123456789012\"]", "must be a JSON object"),
        Arguments.of("\"123456789012\"", "must be a JSON object"),
        Arguments.of("42", "must be a JSON object"),
        Arguments.of("{}", "no text field 'runId'"),
        Arguments.of("{\"accountId\":\"123456789012\"}", "no text field 'runId'"),
        Arguments.of("{\"runId\":\"r1\"}", "no text field 'accountId'"),
        Arguments.of("{\"runId\":null,\"accountId\":\"123456789012\"}", "no text field 'runId'"),
        Arguments.of("{\"runId\":\"r1\",\"accountId\":123456789012}", "no text field 'accountId'"),
        Arguments.of(
            "{\"runId\":{\"$gt\":\"\"},\"accountId\":\"123456789012\"}", "no text field 'runId'"),
        Arguments.of("{\"runId\":\"r1\",\"accountId\":\"12345678901\"}", "12-digit"),
        Arguments.of("{\"runId\":\"r1\",\"accountId\":\"1234567890123\"}", "12-digit"),
        Arguments.of("{\"runId\":\"r1\",\"accountId\":\"12345678901２\"}", "12-digit"),
        Arguments.of("{\"runId\":\"r1\",\"accountId\":\"123456789012\\n\"}", "12-digit"),
        Arguments.of("{\"runId\":\"\",\"accountId\":\"123456789012\"}", "runId must be"),
        Arguments.of(
            "{\"runId\":\"'; DROP TABLE findings; --\",\"accountId\":\"123456789012\"}",
            "runId must be"),
        Arguments.of(
            "{\"runId\":\"${jndi:ldap://x/a}\",\"accountId\":\"123456789012\"}", "runId must be"),
        Arguments.of(
            "{\"runId\":\"<script>alert(1)</script>\",\"accountId\":\"123456789012\"}",
            "runId must be"),
        Arguments.of(
            "{\"runId\":\"run\\u0000\\u001b[31m\",\"accountId\":\"123456789012\"}",
            "runId must be"),
        Arguments.of(
            "{\"runId\":\"" + "r".repeat(129) + "\",\"accountId\":\"123456789012\"}",
            "runId must be"),
        Arguments.of(
            "{\"runId\":\"r1\",\"accountId\":\"123456789012\",\"accountOwner\":42}",
            "'accountOwner' must be text"),
        Arguments.of(
            "{\"runId\":\"r1\",\"accountId\":\"123456789012\",\"accountOwner\":[\"a@example.com\"]}",
            "'accountOwner' must be text"),
        Arguments.of(
            "{\"runId\":\"r1\",\"accountId\":\"123456789012\",\"accountOwner\":\"\"}",
            "accountOwner must be"),
        Arguments.of(
            "{\"runId\":\"r1\",\"accountId\":\"123456789012\",\"accountOwner\":\"${jndi:ldap://x/a}\"}",
            "accountOwner must be"),
        Arguments.of(
            "{\"runId\":\"r1\",\"accountId\":\"123456789012\",\"accountOwner\":\"a@example.com\\nBcc: x@evil\"}",
            "accountOwner must be"),
        Arguments.of(
            "{\"runId\":\"r1\",\"accountId\":\"123456789012\",\"accountOwner\":\""
                + "a".repeat(250)
                + "@example.com\"}",
            "accountOwner must be"));
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void fromJson_whenBodyIsHostile_failsSayingWhatIsWrong(String body, String expected) {
    assertThatThrownBy(() -> AuditRequest.fromJson(body))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(expected)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContainPattern("\\p{Cntrl}")
                    .hasSizeLessThan(200));
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void fromJson_whenBodyIsHuge_failsWithAClippedMessage(String body, String expected) {
    String huge = body + " ".repeat(100_000) + "x";

    assertThatThrownBy(() -> AuditRequest.fromJson(huge))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }

  @Test
  void fromJson_whenAValidRequestHasExtraFields_ignoresThem() {
    AuditRequest request =
        AuditRequest.fromJson(
            "{\"runId\":\"r1\",\"accountId\":\"123456789012\",\"extra\":\"<script>\",\"nested\":{\"a\":[1,2]}}");

    assertThat(request).isEqualTo(new AuditRequest("r1", "123456789012"));
  }
}
