package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.TRUST_ACCOUNT;
import static dev.keywarden.checks.SurfaceFixture.role;
import static dev.keywarden.checks.SurfaceFixture.serviceLinkedRole;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.IamRole;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code role-unused}. */
class RoleUnusedCheckTest {
  private static CheckOutcome unused(IamRole... roles) {
    SurfaceFixture surface = surface();
    List.of(roles).forEach(surface::role);
    return new RoleUnusedCheck().evaluate(online().surface(surface).context());
  }

  @Test
  void evaluate_whenLastUsedExactlyUnusedDaysAgo_fires() {
    assertThat(unused(role("ops", daysAgo(400), daysAgo(45), TRUST_ACCOUNT)).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("role ops was last used 45 days ago"));
  }

  @Test
  void evaluate_whenUsedOneSecondLater_isQuiet() {
    assertThat(
            unused(role("ops", daysAgo(400), daysAgo(45).plusSeconds(1), TRUST_ACCOUNT)).findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenNeverUsedAndExactlyWindowOld_fires() {
    assertThat(unused(role("ops", daysAgo(45), null, TRUST_ACCOUNT)).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("no recorded use", "45 days ago"));
  }

  @Test
  void evaluate_whenNeverUsedButYoungerThanWindow_isQuiet() {
    assertThat(unused(role("new", daysAgo(45).plusSeconds(1), null, TRUST_ACCOUNT)).findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenServiceLinked_isQuiet() {
    assertThat(unused(serviceLinkedRole("AWSServiceRoleForSupport", daysAgo(900))).findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenOffline_isSkipped() {
    assertThat(new RoleUnusedCheck().evaluate(Inventories.offline().context()).skipped()).isTrue();
  }

  @Test
  void unused_countsTheSameRolesTheReportFigureUses() {
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
