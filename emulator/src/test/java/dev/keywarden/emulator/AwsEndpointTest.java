package dev.keywarden.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AwsEndpointTest {

  @Test
  void withDefaults_whenGivenUri_usesEmulatorRegionAndCredentials() {
    AwsEndpoint endpoint = AwsEndpoint.withDefaults(URI.create("http://127.0.0.1:1234"));

    assertThat(endpoint)
        .isEqualTo(
            new AwsEndpoint(
                URI.create("http://127.0.0.1:1234"), "us-east-1", "testing", "testing"));
  }

  @Test
  void toString_whenCalled_leavesOutTheSecretKey() {
    AwsEndpoint endpoint =
        new AwsEndpoint(URI.create("http://127.0.0.1:1234"), "eu-west-1", "AKIDEXAMPLE", "s3cr3t");

    assertThat(endpoint.toString()).contains("AKIDEXAMPLE").doesNotContain("s3cr3t");
  }
}
