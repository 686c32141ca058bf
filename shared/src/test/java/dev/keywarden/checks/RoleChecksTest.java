package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.administratorAccess;
import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.managed;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.TRUST_ACCOUNT;
import static dev.keywarden.checks.SurfaceFixture.role;
import static dev.keywarden.checks.SurfaceFixture.serviceLinkedRole;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.IamRole;
import dev.keywarden.inventory.PolicyDocument;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code role-unused}, {@code role-full-admin} and {@code role-trust-open}. */
class RoleChecksTest {
  static final String ADMIN =
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  private static CheckOutcome unused(IamRole... roles) {
    SurfaceFixture surface = surface();
    List.of(roles).forEach(surface::role);
    return new RoleUnusedCheck().evaluate(online().surface(surface).context());
  }

  private static String trust(String principal, String condition) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
        + principal
        + ",\"Action\":\"sts:AssumeRole\""
        + (condition == null ? "" : ",\"Condition\":" + condition)
        + "}]}";
  }

  @Test
  void roleUnused_whenLastUsedExactlyUnusedDaysAgo_fires() {
    assertThat(unused(role("ops", daysAgo(400), daysAgo(45), TRUST_ACCOUNT)).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("role ops was last used 45 days ago"));
  }

  @Test
  void roleUnused_whenUsedOneSecondLater_isQuiet() {
    assertThat(
            unused(role("ops", daysAgo(400), daysAgo(45).plusSeconds(1), TRUST_ACCOUNT)).findings())
        .isEmpty();
  }

  @Test
  void roleUnused_whenNeverUsedAndExactlyWindowOld_fires() {
    assertThat(unused(role("ops", daysAgo(45), null, TRUST_ACCOUNT)).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("no recorded use", "45 days ago"));
  }

  @Test
  void roleUnused_whenNeverUsedButYoungerThanWindow_isQuiet() {
    assertThat(unused(role("new", daysAgo(45).plusSeconds(1), null, TRUST_ACCOUNT)).findings())
        .isEmpty();
  }

  @Test
  void roleUnused_whenServiceLinked_isQuiet() {
    assertThat(unused(serviceLinkedRole("AWSServiceRoleForSupport", daysAgo(900))).findings())
        .isEmpty();
  }

  @Test
  void roleUnused_whenOffline_isSkipped() {
    assertThat(new RoleUnusedCheck().evaluate(Inventories.offline().context()).skipped()).isTrue();
  }

  @Test
  void roleFullAdmin_whenAdministratorAccessOrStarPolicy_firesNamingEachGrant() {
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
  void roleFullAdmin_whenStarActionOnOneResourceOnly_isQuiet() {
    String narrow =
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
    IamRole role = role("ops", daysAgo(10), null, TRUST_ACCOUNT, managed("narrow", narrow));

    assertThat(
            new RoleFullAdminCheck()
                .evaluate(online().surface(surface().role(role)).context())
                .findings())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"*\"",
        "{\"AWS\":\"*\"}",
        "{\"AWS\":[\"arn:aws:iam::123456789012:root\",\"*\"]}",
        "{\"AWS\":\"arn:aws:iam::*:root\"}"
      })
  void roleTrustOpen_whenAnyPrincipalWithoutCondition_fires(String principal) {
    IamRole role = role("open", daysAgo(10), null, trust(principal, null));

    assertThat(
            new RoleTrustOpenCheck()
                .evaluate(online().surface(surface().role(role)).context())
                .findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("role open", "without a condition"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"AWS\":\"arn:aws:iam::210987654321:root\"}",
        "{\"Service\":\"lambda.amazonaws.com\"}"
      })
  void roleTrustOpen_whenNamedPrincipal_isQuiet(String principal) {
    IamRole role = role("named", daysAgo(10), null, trust(principal, null));

    assertThat(
            new RoleTrustOpenCheck()
                .evaluate(online().surface(surface().role(role)).context())
                .findings())
        .isEmpty();
  }

  @Test
  void roleTrustOpen_whenStarPrincipalWithCondition_isQuiet() {
    IamRole role =
        role(
            "org",
            daysAgo(10),
            null,
            trust("{\"AWS\":\"*\"}", "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-1\"}}"));

    assertThat(
            new RoleTrustOpenCheck()
                .evaluate(online().surface(surface().role(role)).context())
                .findings())
        .isEmpty();
  }

  @Test
  void roleTrustOpen_whenStarPrincipalDenied_isQuiet() {
    String deny =
        "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}]}";
    IamRole role = role("deny", daysAgo(10), null, deny);

    assertThat(
            new RoleTrustOpenCheck()
                .evaluate(online().surface(surface().role(role)).context())
                .findings())
        .isEmpty();
  }

  @Test
  void roleUnused_countsTheSameRolesTheReportFigureUses() {
    CheckContext context =
        online()
            .surface(
                surface()
                    .role(role("a", daysAgo(100), null, TRUST_ACCOUNT))
                    .role(role("b", daysAgo(100), daysAgo(1), TRUST_ACCOUNT)))
            .context();

    assertThat(RoleUnusedCheck.unused(context)).extracting(IamRole::name).containsExactly("a");
    assertThat(Duration.between(daysAgo(100), Inventories.AS_OF).toDays()).isEqualTo(100);
  }
}
