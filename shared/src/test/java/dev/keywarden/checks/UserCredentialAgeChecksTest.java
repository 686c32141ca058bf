package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.AS_OF;
import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.offline;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.Inventories.user;
import static dev.keywarden.checks.SurfaceFixture.credential;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.Reading;
import dev.keywarden.inventory.UserCredential;
import dev.keywarden.inventory.UserCredential.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ssh-key-old} and {@code service-credential-old}: one rule, two parts of the inventory. */
class UserCredentialAgeChecksTest {
  private static CheckOutcome ssh(UserCredential... keys) {
    return new SshKeyOldCheck()
        .evaluate(
            online()
                .with(user("dev"))
                .surface(surface().sshKeys(Reading.of(List.of(keys))))
                .context());
  }

  private static CheckOutcome service(UserCredential... credentials) {
    return new ServiceCredentialOldCheck()
        .evaluate(
            online()
                .with(user("dev"))
                .surface(surface().serviceCredentials(Reading.of(List.of(credentials))))
                .context());
  }

  @Test
  void sshKeyOld_whenActiveKeyExactlyMaxAgeOld_fires() {
    assertThat(
            ssh(credential(Kind.SSH_PUBLIC_KEY, "dev", "APKA1", true, daysAgo(90), null))
                .findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resourceId())
                  .isEqualTo("arn:aws:iam::123456789012:user/dev#ssh-public-key/APKA1");
              assertThat(f.message()).contains("SSH public key APKA1 of dev", "90 days old");
            });
  }

  @Test
  void sshKeyOld_whenOneSecondYoungerOrInactive_isQuiet() {
    assertThat(
            ssh(
                    credential(
                        Kind.SSH_PUBLIC_KEY,
                        "dev",
                        "APKA1",
                        true,
                        daysAgo(90).plus(Duration.ofSeconds(1)),
                        null),
                    credential(Kind.SSH_PUBLIC_KEY, "dev", "APKA2", false, daysAgo(500), null))
                .findings())
        .isEmpty();
  }

  @Test
  void sshKeyOld_whenNotRead_isSkippedWithTheCost() {
    CheckOutcome outcome =
        new SshKeyOldCheck()
            .evaluate(
                online()
                    .surface(
                        surface()
                            .sshKeys(
                                Reading.missing(
                                    "SSH public keys are read with one iam:ListSSHPublicKeys call per user, which is off")))
                    .context());

    assertThat(outcome.skippedBecause())
        .hasValueSatisfying(r -> assertThat(r).contains("one iam:ListSSHPublicKeys call per user"));
  }

  @Test
  void sshKeyOld_whenOffline_isSkipped() {
    assertThat(new SshKeyOldCheck().evaluate(offline().context()).skipped()).isTrue();
  }

  @Test
  void serviceCredentialOld_whenActiveCredentialExactlyMaxAgeOld_firesNamingTheService() {
    assertThat(
            service(credential(Kind.SERVICE_SPECIFIC, "dev", "ACCA1", true, daysAgo(90), null))
                .findings())
        .singleElement()
        .satisfies(
            f -> assertThat(f.message()).contains("ACCA1 for codecommit.amazonaws.com of dev"));
  }

  @Test
  void serviceCredentialOld_whenExpiredAtTheAuditInstant_isQuiet() {
    assertThat(
            service(credential(Kind.SERVICE_SPECIFIC, "dev", "ACCA1", true, daysAgo(200), AS_OF))
                .findings())
        .isEmpty();
  }

  @Test
  void serviceCredentialOld_whenExpiringOneSecondAfterTheAudit_stillFires() {
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
  void serviceCredentialOld_whenEndpointRefusedTheListing_isSkippedNotPassed() {
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
