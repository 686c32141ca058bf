package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.AS_OF;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code server-cert-expired}, at its boundary with {@code server-cert-expiring}: exactly one of
 * the two fires on each side of the audit instant.
 */
class ServerCertExpiredCheckTest {
  private final ServerCertExpiredCheck expired = new ServerCertExpiredCheck();
  private final ServerCertExpiringCheck expiring = new ServerCertExpiringCheck();

  @Test
  void evaluate_whenExpirationIsTheAuditInstant_fires() {
    CheckContext context = online().surface(surface().serverCertificate("www", AS_OF)).context();

    assertThat(expired.evaluate(context).findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.principal()).isEqualTo("server-certificate/www");
              assertThat(f.resourceId())
                  .isEqualTo("arn:aws:iam::123456789012:server-certificate/www");
            });
    assertThat(expiring.evaluate(context).findings()).isEmpty();
  }

  @Test
  void evaluate_whenExpiringOneSecondLater_isQuietAndExpiringFires() {
    CheckContext context =
        online().surface(surface().serverCertificate("www", AS_OF.plusSeconds(1))).context();

    assertThat(expired.evaluate(context).findings()).isEmpty();
    assertThat(expiring.evaluate(context).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.deadline()).contains(AS_OF.plusSeconds(1)));
  }
}
