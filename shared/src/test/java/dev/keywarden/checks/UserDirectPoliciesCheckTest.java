package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.inline;
import static dev.keywarden.checks.Inventories.managed;
import static dev.keywarden.checks.Inventories.user;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserDirectPoliciesCheckTest {
  private static final Check CHECK = new UserDirectPoliciesCheck();

  @Test
  void evaluate_whenUserHasOwnPolicies_listsThem() {
    Inventories.Row alice =
        user("alice").attached(managed("ReadOnly", "{}")).inline(inline("deploy", "{}"));

    assertThat(CHECK.evaluate(Inventories.online().with(alice).context()).findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resourceId()).isEqualTo(alice.arn);
              assertThat(f.message())
                  .isEqualTo(
                      "alice has policies of its own: managed policy ReadOnly, inline policy deploy");
            });
  }

  @Test
  void evaluate_whenPoliciesOnlyThroughGroups_findsNothing() {
    Inventories inventory =
        Inventories.online()
            .group("devs", managed("ReadOnly", "{}"))
            .with(user("bob").inGroup("devs"));

    assertThat(CHECK.evaluate(inventory.context()).findings()).isEmpty();
  }

  @Test
  void evaluate_whenOffline_isSkipped() {
    assertThat(CHECK.evaluate(Inventories.offline().context()).skippedBecause())
        .hasValueSatisfying(r -> assertThat(r).contains("GetAccountAuthorizationDetails"));
  }
}
