package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.Reading;
import org.junit.jupiter.api.Test;

/**
 * The server certificates both certificate checks read ({@code server-cert-expired} and {@code
 * server-cert-expiring}): when they cannot be read, both checks are skipped.
 */
class ServerCertificatesTest {
  private final ServerCertExpiredCheck expired = new ServerCertExpiredCheck();
  private final ServerCertExpiringCheck expiring = new ServerCertExpiringCheck();

  @Test
  void both_whenListingRefused_areSkippedWithTheReason() {
    CheckContext context =
        online()
            .surface(
                surface()
                    .serverCertificates(Reading.missing("iam:ListServerCertificates was denied")))
            .context();

    assertThat(expired.evaluate(context).skippedBecause())
        .contains("iam:ListServerCertificates was denied");
    assertThat(expiring.evaluate(context).skippedBecause())
        .contains("iam:ListServerCertificates was denied");
  }

  @Test
  void both_whenOffline_areSkipped() {
    assertThat(expired.evaluate(Inventories.offline().context()).skipped()).isTrue();
    assertThat(expiring.evaluate(Inventories.offline().context()).skipped()).isTrue();
  }
}
