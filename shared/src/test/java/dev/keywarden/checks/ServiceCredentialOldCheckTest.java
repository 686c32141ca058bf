package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.AS_OF;
import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.Inventories.user;
import static dev.keywarden.checks.SurfaceFixture.credential;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.Reading;
import dev.keywarden.inventory.UserCredential;
import dev.keywarden.inventory.UserCredential.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code service-credential-old}; {@code ssh-key-old} applies the same rule to another part. */
class ServiceCredentialOldCheckTest {
  private static CheckOutcome service(UserCredential... credentials) {
    return new ServiceCredentialOldCheck()
        .evaluate(
            online()
                .with(user("dev"))
                .surface(surface().serviceCredentials(Reading.of(List.of(credentials))))
                .context());
  }

  @Test
  void evaluate_whenActiveCredentialExactlyMaxAgeOld_firesNamingTheService() {
    assertThat(
            service(credential(Kind.SERVICE_SPECIFIC, "dev", "ACCA1", true, daysAgo(90), null))
                .findings())
        .singleElement()
        .satisfies(
            f -> assertThat(f.message()).contains("ACCA1 for codecommit.amazonaws.com of dev"));
  }

  @Test
  void evaluate_whenExpiredAtTheAuditInstant_isQuiet() {
    assertThat(
            service(credential(Kind.SERVICE_SPECIFIC, "dev", "ACCA1", true, daysAgo(200), AS_OF))
                .findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenExpiringOneSecondAfterTheAudit_stillFires() {
    assertThat(
            service(
                    credential(
                        Kind.SERVICE_SPECIFIC,
                        "dev",
                        "ACCA1",
                        true,
                        daysAgo(200),
                        AS_OF.plusSeconds(1)))
                .findings())
        .hasSize(1);
  }

  @Test
  void evaluate_whenEndpointRefusedTheListing_isSkippedNotPassed() {
    CheckOutcome outcome =
        new ServiceCredentialOldCheck()
            .evaluate(
                online()
                    .surface(
                        surface()
                            .serviceCredentials(
                                Reading.missing(
                                    "the endpoint refused iam:ListServiceSpecificCredentials as unknown")))
                    .context());

    assertThat(outcome.skippedBecause()).hasValueSatisfying(r -> assertThat(r).contains("refused"));
    assertThat(outcome.findings()).isEmpty();
  }
}
