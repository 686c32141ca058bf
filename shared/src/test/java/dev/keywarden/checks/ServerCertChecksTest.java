package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.AS_OF;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.Reading;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerCertChecksTest {
  private final ServerCertExpiredCheck expired = new ServerCertExpiredCheck();
  private final ServerCertExpiringCheck expiring = new ServerCertExpiringCheck();

  @Test
  void expired_whenExpirationIsTheAuditInstant_fires() {
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
  void expired_whenExpiringOneSecondLater_isQuietAndExpiringFires() {
    CheckContext context =
        online().surface(surface().serverCertificate("www", AS_OF.plusSeconds(1))).context();

    assertThat(expired.evaluate(context).findings()).isEmpty();
    assertThat(expiring.evaluate(context).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.deadline()).contains(AS_OF.plusSeconds(1)));
  }

  @Test
  void expiring_whenExactlyThirtyDaysAhead_firesAndOneSecondMoreIsQuiet() {
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
