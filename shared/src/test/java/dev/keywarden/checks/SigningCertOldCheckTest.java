package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.AS_OF;
import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.Inventories.user;
import static dev.keywarden.checks.SurfaceFixture.credential;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.Reading;
import dev.keywarden.inventory.ReportColumn;
import dev.keywarden.inventory.UserCredential.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningCertOldCheckTest {
  private final SigningCertOldCheck check = new SigningCertOldCheck();

  @Test
  void evaluate_whenActiveCertificateExactlyMaxAgeOld_fires() {
    CheckOutcome outcome =
        check.evaluate(online().with(user("alice").certificate(1, true, daysAgo(90))).context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resourceId()).isEqualTo("arn:aws:iam::123456789012:user/alice#cert_1");
              assertThat(f.message()).contains("cert_1 of alice", "90 days old", "max 90");
            });
  }

  @Test
  void evaluate_whenActiveCertificateOneSecondYounger_isQuiet() {
    CheckOutcome outcome =
        check.evaluate(
            online()
                .with(user("alice").certificate(1, true, daysAgo(90).plus(Duration.ofSeconds(1))))
                .context());

    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.skipped()).isFalse();
  }

  @Test
  void evaluate_whenUserTagSetsAShorterMaxAge_firesAtThatAge() {
    CheckOutcome outcome =
        check.evaluate(
            online()
                .with(
                    user("etl")
                        .tag("keywarden:max-key-age", "29")
                        .certificate(1, true, daysAgo(29)))
                .context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("max 29"));
  }

  @Test
  void evaluate_whenOldCertificateInactive_isQuiet() {
    assertThat(
            check
                .evaluate(
                    online().with(user("alice").certificate(2, false, daysAgo(400))).context())
                .findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenReportHasNoDate_judgesTheUploadDateListedForThatUser() {
    CheckOutcome outcome =
        check.evaluate(
            online()
                .with(user("alice").certificate(1, true, null))
                .surface(
                    surface()
                        .signingCertificates(
                            Reading.of(
                                List.of(
                                    credential(
                                        Kind.SIGNING_CERTIFICATE,
                                        "alice",
                                        "CERTOLD",
                                        true,
                                        daysAgo(90),
                                        null),
                                    credential(
                                        Kind.SIGNING_CERTIFICATE,
                                        "alice",
                                        "CERTNEW",
                                        true,
                                        daysAgo(89),
                                        null),
                                    credential(
                                        Kind.SIGNING_CERTIFICATE,
                                        "alice",
                                        "CERTOFF",
                                        false,
                                        daysAgo(900),
                                        null)))))
                .context());

    assertThat(outcome.findings())
        .extracting(Finding::resourceId)
        .containsExactly("arn:aws:iam::123456789012:user/alice#signing-certificate/CERTOLD");
  }

  @Test
  void evaluate_whenReportHasNoDateAndUploadDatesNotRead_isSkippedWithTheReason() {
    CheckOutcome outcome =
        check.evaluate(
            online()
                .with(user("alice").certificate(1, true, null))
                .surface(
                    surface()
                        .signingCertificates(
                            Reading.missing("iam:ListSigningCertificates was denied")))
                .context());

    assertThat(outcome.skippedBecause())
        .hasValueSatisfying(r -> assertThat(r).contains("alice", "was denied"));
  }

  @Test
  void evaluate_whenReportLacksCertificateColumns_isSkipped() {
    assertThat(
            check
                .evaluate(
                    online()
                        .with(user("alice"))
                        .without(ReportColumn.CERT_2_LAST_ROTATED)
                        .at(AS_OF))
                .skippedBecause())
        .hasValueSatisfying(r -> assertThat(r).contains("cert_2_last_rotated"));
  }
}
