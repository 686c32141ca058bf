package dev.keywarden.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.IamQuery;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The extension hands out a working endpoint and empties the emulator between tests.
 *
 * <p>The order is fixed only so that the reset is observable: both tests create the same user, and
 * whichever runs second would get EntityAlreadyExists if state leaked from the first. Each test
 * passes on its own too; no test relies on another's data.
 */
@WithEmulator
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorExtensionIT {
  private final AwsEndpoint fromConstructor;
  private AwsEndpoint fromBeforeEach;

  EmulatorExtensionIT(AwsEndpoint endpoint) {
    this.fromConstructor = endpoint;
  }

  @BeforeEach
  void setUp(AwsEndpoint endpoint) {
    this.fromBeforeEach = endpoint;
  }

  @Test
  @Order(1)
  void createUser_whenEmulatorFresh_succeeds(AwsEndpoint endpoint) throws Exception {
    HttpResponse<String> response = IamQuery.call(endpoint, "CreateUser", "UserName=alice");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void createUser_whenSameUserCreatedInEarlierTest_succeedsBecauseStateWasReset(
      AwsEndpoint endpoint) throws Exception {
    HttpResponse<String> response = IamQuery.call(endpoint, "CreateUser", "UserName=alice");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  @Order(3)
  void resolveParameter_whenInjectedAnywhere_givesOneLoopbackEndpoint(AwsEndpoint endpoint) {
    assertThat(endpoint).isEqualTo(fromConstructor).isEqualTo(fromBeforeEach);
    assertThat(endpoint.endpoint().getHost()).isEqualTo("127.0.0.1");
  }
}
