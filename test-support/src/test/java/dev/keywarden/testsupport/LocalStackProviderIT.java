package dev.keywarden.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.emulator.AwsEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Runs where a Docker engine answers; elsewhere it is reported as skipped, with the reason. */
@WithLocalStack
class LocalStackProviderIT {

  @Test
  void endpoint_whenContainerStarted_answersHealthCheck(AwsEndpoint endpoint) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(endpoint.endpoint() + "/_localstack/health")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"services\"");
  }
}
