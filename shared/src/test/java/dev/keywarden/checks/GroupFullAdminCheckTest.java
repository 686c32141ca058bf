package dev.keywarden.checks;

import static dev.keywarden.checks.CheckFixtures.ADMIN;
import static dev.keywarden.checks.Inventories.administratorAccess;
import static dev.keywarden.checks.Inventories.inline;
import static dev.keywarden.checks.Inventories.online;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code group-full-admin}. */
class GroupFullAdminCheckTest {
  @Test
  void evaluate_whenAdministratorAccessAttached_firesEvenWithoutMembers() {
    CheckOutcome outcome =
        new GroupFullAdminCheck()
            .evaluate(online().group("admins", administratorAccess()).context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.principal()).isEqualTo("group/admins");
              assertThat(f.message())
                  .contains("managed policy AdministratorAccess attached to the group");
            });
  }

  @Test
  void evaluate_whenInlineStarOrNot_firesOnlyOnStar() {
    CheckOutcome outcome =
        new GroupFullAdminCheck()
            .evaluate(
                online()
                    .groupWithInline("star", inline("all", ADMIN))
                    .groupWithInline(
                        "readers",
                        inline(
                            "read",
                            "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}}"))
                    .context());

    assertThat(outcome.findings()).extracting(Finding::principal).containsExactly("group/star");
  }
}
