package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * Every call's time is bounded in the one client factory, so a run whose endpoint stops answering
 * ends.
 */
class CallTimeoutTest {
  @Test
  void clients_always_carryTheAttemptAndCallTimeoutsOfTheSettings() {
    ClientSettings settings =
        ClientSettings.forEndpoint(URI.create("http://127.0.0.1:9"), "us-east-1", "AKID", "s");
    try (AwsClientFactory factory = AwsClientFactory.create(settings)) {
      var config = factory.iam().serviceClientConfiguration().overrideConfiguration();

      assertThat(config.apiCallAttemptTimeout()).contains(Duration.ofSeconds(65));
      assertThat(config.apiCallTimeout()).contains(Duration.ofSeconds(195));
      assertThat(
              factory
                  .dynamoDb()
                  .serviceClientConfiguration()
                  .overrideConfiguration()
                  .apiCallTimeout())
          .contains(Duration.ofSeconds(195));
    }
  }

  @Test
  void call_whenEndpointAcceptsButNeverAnswers_failsWithACallTimeoutInsteadOfRetryingOn()
      throws Exception {
    try (ServerSocket paused = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ClientSettings settings =
          ClientSettings.forEndpoint(
                  URI.create("http://127.0.0.1:" + paused.getLocalPort()), "us-east-1", "AKID", "s")
              .withTimeouts(Duration.ofMillis(200), Duration.ofMillis(300));
      try (AwsClientFactory factory = AwsClientFactory.create(settings)) {
        assertThatThrownBy(() -> factory.iam().getAccountSummary())
            .isInstanceOf(ApiCallTimeoutException.class);
      }
    }
  }
}
