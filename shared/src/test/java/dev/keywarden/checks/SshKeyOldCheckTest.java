package dev.keywarden.checks;

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

/** {@code ssh-key-old}; {@code service-credential-old} applies the same rule to another part. */
class SshKeyOldCheckTest {
  private static CheckOutcome ssh(UserCredential... keys) {
    return new SshKeyOldCheck()
        .evaluate(
            online()
                .with(user("dev"))
                .surface(surface().sshKeys(Reading.of(List.of(keys))))
                .context());
  }

  @Test
  void evaluate_whenActiveKeyExactlyMaxAgeOld_fires() {
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
  void evaluate_whenOneSecondYoungerOrInactive_isQuiet() {
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
  void evaluate_whenNotRead_isSkippedWithTheCost() {
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
  void evaluate_whenOffline_isSkipped() {
    assertThat(new SshKeyOldCheck().evaluate(offline().context()).skipped()).isTrue();
  }
}
