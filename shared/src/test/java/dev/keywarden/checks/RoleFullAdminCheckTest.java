package dev.keywarden.checks;

import static dev.keywarden.checks.CheckFixtures.ADMIN;
import static dev.keywarden.checks.Inventories.administratorAccess;
import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.managed;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.TRUST_ACCOUNT;
import static dev.keywarden.checks.SurfaceFixture.role;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.IamRole;
import dev.keywarden.inventory.PolicyDocument;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code role-full-admin}. */
class RoleFullAdminCheckTest {
  @Test
  void evaluate_whenAdministratorAccessOrStarPolicy_firesNamingEachGrant() {
    IamRole role =
        new IamRole(
            "admin",
            "arn:aws:iam::123456789012:role/admin",
            "/",
            daysAgo(10),
            Optional.empty(),
            TRUST_ACCOUNT,
            List.of(administratorAccess(), managed("everything", ADMIN)),
            List.of(new PolicyDocument("inline-star", "", ADMIN)));

    CheckOutcome outcome =
        new RoleFullAdminCheck().evaluate(online().surface(surface().role(role)).context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.principal()).isEqualTo("role/admin");
              assertThat(f.message())
                  .contains(
                      "managed policy AdministratorAccess",
                      "managed policy everything",
                      "inline policy inline-star");
            });
  }

  @Test
  void evaluate_whenStarActionOnOneResourceOnly_isQuiet() {
    String narrow =
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
    IamRole role = role("ops", daysAgo(10), null, TRUST_ACCOUNT, managed("narrow", narrow));

    assertThat(
            new RoleFullAdminCheck()
                .evaluate(online().surface(surface().role(role)).context())
                .findings())
        .isEmpty();
  }
}
