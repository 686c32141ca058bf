package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.administratorAccess;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.Inventories.user;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code admin-no-hardware-mfa}. */
class AdminNoHardwareMfaCheckTest {
  @Test
  void evaluate_whenAdminWithoutMfaOrWithVirtual_firesAndHardwareIsQuiet() {
    var noMfa = user("nomfa").attached(administratorAccess());
    var virtual = user("virtual").attached(administratorAccess()).mfa();
    var hardware = user("hardware").attached(administratorAccess()).mfa();
    var plain = user("plain");

    CheckOutcome outcome =
        new AdminNoHardwareMfaCheck()
            .evaluate(
                online()
                    .with(noMfa, virtual, hardware, plain)
                    .surface(surface().virtualMfa(virtual.arn))
                    .context());

    assertThat(outcome.findings())
        .extracting(Finding::principal)
        .containsExactly("nomfa", "virtual");
    assertThat(outcome.findings().get(1).message()).contains("virtual MFA device");
  }

  @Test
  void evaluate_whenAdminThroughGroup_fires() {
    CheckOutcome outcome =
        new AdminNoHardwareMfaCheck()
            .evaluate(
                online()
                    .with(user("ann").inGroup("admins"))
                    .group("admins", administratorAccess())
                    .surface(surface())
                    .context());

    assertThat(outcome.findings()).extracting(Finding::principal).containsExactly("ann");
  }
}
