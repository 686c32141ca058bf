package dev.keywarden.checks;

import static dev.keywarden.checks.CheckFixtures.ADMIN;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code policy-full-admin}. */
class PolicyFullAdminCheckTest {
  @Test
  void evaluate_whenUnattachedStarPolicy_firesSayingSo() {
    CheckOutcome outcome =
        new PolicyFullAdminCheck()
            .evaluate(online().surface(surface().policy("all", ADMIN, 0)).context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("attached to 0 identities"));
  }

  @Test
  void evaluate_whenStarWithNotActionOrDeny_isQuiet() {
    String notAction =
        "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"},"
            + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    assertThat(
            new PolicyFullAdminCheck()
                .evaluate(online().surface(surface().policy("p", notAction, 1)).context())
                .findings())
        .isEmpty();
  }
}
