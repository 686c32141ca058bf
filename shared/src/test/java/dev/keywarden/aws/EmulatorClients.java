package dev.keywarden.aws;

import dev.keywarden.emulator.AwsEndpoint;
import java.net.URI;
import java.time.Duration;

/** Clients for the emulator an integration test is handed, built one way for every test. */
final class EmulatorClients {
  private EmulatorClients() {}

  /** Settings for the emulator's endpoint, region and credentials. */
  static ClientSettings settings(AwsEndpoint endpoint) {
    return ClientSettings.forEndpoint(
        endpoint.endpoint(), endpoint.region(), endpoint.accessKeyId(), endpoint.secretAccessKey());
  }

  /** Clients for the emulator; the caller closes them. */
  static AwsClientFactory of(AwsEndpoint endpoint) {
    return AwsClientFactory.create(settings(endpoint));
  }

  /** Clients for the emulator whose every call {@code calls} counts; the caller closes them. */
  static AwsClientFactory of(AwsEndpoint endpoint, CallCounter calls) {
    return AwsClientFactory.create(settings(endpoint), calls);
  }

  /**
   * Clients that reach the emulator through {@code proxy} (a fault proxy in front of it) and retry
   * after short pauses, so that a test of many injected faults runs in seconds.
   */
  static AwsClientFactory through(AwsEndpoint endpoint, URI proxy) {
    return AwsClientFactory.createWithBackoff(
        ClientSettings.forEndpoint(
            proxy, endpoint.region(), endpoint.accessKeyId(), endpoint.secretAccessKey()),
        Duration.ofMillis(5),
        Duration.ofMillis(10));
  }
}
