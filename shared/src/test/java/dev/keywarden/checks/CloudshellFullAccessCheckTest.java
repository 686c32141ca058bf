package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.Inventories.user;
import static dev.keywarden.checks.SurfaceFixture.TRUST_ACCOUNT;
import static dev.keywarden.checks.SurfaceFixture.role;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.PolicyDocument;
import org.junit.jupiter.api.Test;

/** {@code cloudshell-full-access}. */
class CloudshellFullAccessCheckTest {
  private static final PolicyDocument CLOUDSHELL =
      new PolicyDocument("AWSCloudShellFullAccess", Surfaces.CLOUDSHELL_FULL_ACCESS_ARN, "");

  @Test
  void evaluate_whenOnUserGroupAndRole_firesForEach() {
    CheckOutcome outcome =
        new CloudshellFullAccessCheck()
            .evaluate(
                online()
                    .with(user("alice").attached(CLOUDSHELL), user("bob"))
                    .group("shell", CLOUDSHELL)
                    .surface(
                        surface()
                            .role(role("shell-role", daysAgo(9), null, TRUST_ACCOUNT, CLOUDSHELL)))
                    .context());

    assertThat(outcome.findings())
        .extracting(Finding::principal)
        .containsExactly("alice", "group/shell", "role/shell-role");
  }

  @Test
  void evaluate_whenAttachedToNobody_isQuiet() {
    assertThat(
            new CloudshellFullAccessCheck()
                .evaluate(online().with(user("bob")).surface(surface()).context())
                .findings())
        .isEmpty();
  }
}
