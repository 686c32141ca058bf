package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {
  @Test
  void defaults_whenCreated_leavesEverythingToTheSdk() {
    ClientSettings settings = ClientSettings.defaults();

    assertThat(settings.region()).isEmpty();
    assertThat(settings.endpoint()).isEmpty();
    assertThat(settings.profile()).isEmpty();
    assertThat(settings.staticCredentials()).isEmpty();
    assertThat(settings.maxAttempts()).isEqualTo(8);
  }

  @Test
  void forEndpoint_whenCreated_setsEndpointRegionAndKeys() {
    ClientSettings settings =
        ClientSettings.forEndpoint(
            URI.create("http://127.0.0.1:5000"), "eu-west-1", "AKIDTEST", "secret");

    assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:5000"));
    assertThat(settings.region()).contains("eu-west-1");
    assertThat(settings.staticCredentials())
        .contains(new ClientSettings.StaticCredentials("AKIDTEST", "secret"));
  }

  @Test
  void forProfile_whenCreated_namesTheProfileOnly() {
    ClientSettings settings = ClientSettings.forProfile("audit-sso");

    assertThat(settings.profile()).contains("audit-sso");
    assertThat(settings.staticCredentials()).isEmpty();
  }

  @Test
  void toString_whenStaticCredentials_neverShowsTheSecret() {
    ClientSettings settings =
        ClientSettings.defaults().withStaticCredentials("AKIDTEST", "very-secret-value");

    assertThat(settings.toString()).contains("AKIDTEST").doesNotContain("very-secret-value");
  }

  @Test
  void withEndpoint_whenRelative_throwsNamingTheValue() {
    assertThatThrownBy(() -> ClientSettings.defaults().withEndpoint(URI.create("localhost:5000/x")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'localhost:5000/x'");
  }

  @Test
  void withMaxAttempts_whenZero_throws() {
    assertThatThrownBy(() -> ClientSettings.defaults().withMaxAttempts(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("was 0");
  }

  @Test
  void withTimeouts_whenZero_throwsNamingTheSetting() {
    assertThatThrownBy(
            () -> ClientSettings.defaults().withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("connect timeout");
  }

  @Test
  void withRegion_whenBlank_throws() {
    assertThatThrownBy(() -> ClientSettings.defaults().withRegion(" "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("region");
  }
}
