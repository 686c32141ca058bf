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

/** {@code support-role-missing}. */
class SupportRoleMissingCheckTest {
  private static final PolicyDocument SUPPORT =
      new PolicyDocument("AWSSupportAccess", Surfaces.SUPPORT_ACCESS_ARN, "");

  @Test
  void evaluate_whenNoRoleHasSupportAccess_firesOnceForTheAccount() {
    CheckOutcome outcome =
        new SupportRoleMissingCheck()
            .evaluate(
                online()
                    .with(user("alice").attached(SUPPORT))
                    .surface(surface().role(role("ops", daysAgo(9), null, TRUST_ACCOUNT)))
                    .context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.principal()).isEqualTo(Finding.ACCOUNT);
              assertThat(f.message()).contains("none of the account's 1 role has AWSSupportAccess");
            });
  }

  @Test
  void evaluate_whenARoleHasSupportAccess_isQuiet() {
    assertThat(
            new SupportRoleMissingCheck()
                .evaluate(
                    online()
                        .surface(
                            surface()
                                .role(role("support", daysAgo(9), null, TRUST_ACCOUNT, SUPPORT)))
                        .context())
                .findings())
        .isEmpty();
  }
}
