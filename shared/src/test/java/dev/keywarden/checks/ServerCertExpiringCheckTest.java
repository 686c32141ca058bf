package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.AS_OF;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code server-cert-expiring}; its boundary with {@code server-cert-expired} is tested in {@link
 * ServerCertExpiredCheckTest}.
 */
class ServerCertExpiringCheckTest {
  private final ServerCertExpiringCheck expiring = new ServerCertExpiringCheck();

  @Test
  void evaluate_whenExactlyThirtyDaysAhead_firesAndOneSecondMoreIsQuiet() {
    assertThat(
            expiring
                .evaluate(
                    online()
                        .surface(surface().serverCertificate("a", AS_OF.plus(Duration.ofDays(30))))
                        .context())
                .findings())
        .hasSize(1);
    assertThat(
            expiring
                .evaluate(
                    online()
                        .surface(
                            surface()
                                .serverCertificate(
                                    "a", AS_OF.plus(Duration.ofDays(30)).plusSeconds(1)))
                        .context())
                .findings())
        .isEmpty();
  }
}
