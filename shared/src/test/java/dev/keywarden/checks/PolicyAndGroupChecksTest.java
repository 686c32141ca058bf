package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.administratorAccess;
import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.inline;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.Inventories.user;
import static dev.keywarden.checks.SurfaceFixture.TRUST_ACCOUNT;
import static dev.keywarden.checks.SurfaceFixture.role;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.PolicyDocument;
import org.junit.jupiter.api.Test;

/**
 * {@code group-full-admin}, {@code policy-full-admin}, {@code policy-service-wildcard}, {@code
 * support-role-missing}, {@code cloudshell-full-access}.
 */
class PolicyAndGroupChecksTest {
  static final String ADMIN = RoleChecksTest.ADMIN;
  static final PolicyDocument SUPPORT =
      new PolicyDocument("AWSSupportAccess", Surfaces.SUPPORT_ACCESS_ARN, "");
  static final PolicyDocument CLOUDSHELL =
      new PolicyDocument("AWSCloudShellFullAccess", Surfaces.CLOUDSHELL_FULL_ACCESS_ARN, "");

  @Test
  void groupFullAdmin_whenAdministratorAccessAttached_firesEvenWithoutMembers() {
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
  void groupFullAdmin_whenInlineStarOrNot_firesOnlyOnStar() {
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

  @Test
  void policyFullAdmin_whenUnattachedStarPolicy_firesSayingSo() {
    CheckOutcome outcome =
        new PolicyFullAdminCheck()
            .evaluate(online().surface(surface().policy("all", ADMIN, 0)).context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("attached to 0 identities"));
  }

  @Test
  void policyFullAdmin_whenStarWithNotActionOrDeny_isQuiet() {
    String notAction =
        "{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"},"
            + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    assertThat(
            new PolicyFullAdminCheck()
                .evaluate(online().surface(surface().policy("p", notAction, 1)).context())
                .findings())
        .isEmpty();
  }

  @Test
  void policyServiceWildcard_whenServiceStarActions_firesListingThemSorted() {
    String doc =
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"iam:*\",\"ec2:Describe*\"],\"Resource\":\"*\"}]}";

    CheckOutcome outcome =
        new PolicyServiceWildcardCheck()
            .evaluate(online().surface(surface().policy("wide", doc, 1)).context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).endsWith("allows iam:*, s3:*"));
  }

  @Test
  void policyServiceWildcard_whenPrefixWildcardOrDeniedOrFullStar_isQuiet() {
    String doc =
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ec2:Describe*\",\"*\"],\"Resource\":\"*\"},"
            + "{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"}]}";

    assertThat(
            new PolicyServiceWildcardCheck()
                .evaluate(online().surface(surface().policy("p", doc, 1)).context())
                .findings())
        .isEmpty();
  }

  @Test
  void supportRoleMissing_whenNoRoleHasSupportAccess_firesOnceForTheAccount() {
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
  void supportRoleMissing_whenARoleHasSupportAccess_isQuiet() {
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

  @Test
  void cloudshellFullAccess_whenOnUserGroupAndRole_firesForEach() {
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
  void cloudshellFullAccess_whenAttachedToNobody_isQuiet() {
    assertThat(
            new CloudshellFullAccessCheck()
                .evaluate(online().with(user("bob")).surface(surface()).context())
                .findings())
        .isEmpty();
  }
}
