package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.ago;
import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.ReportColumn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleUnusedCheckTest {
  private static final Check CHECK = new ConsoleUnusedCheck();

  private static List<Finding> findings(Inventories.Row row) {
    return CHECK.evaluate(Inventories.offline().with(row).context()).findings();
  }

  @ParameterizedTest(name = "last sign-in 45 days {0} s ago: unused={1}")
  @CsvSource({"-1, false", "0, true", "1, true"})
  void evaluate_whenLastSignInAroundLimit_firesFromExactlyTheLimit(long seconds, boolean unused) {
    assertThat(findings(user("erin").mfa().password(ago(Duration.ofDays(45).plusSeconds(seconds)))))
        .hasSize(unused ? 1 : 0);
  }

  @ParameterizedTest(name = "never used, password set 45 days {0} s ago: unused={1}")
  @CsvSource({"-1, false", "0, true", "1, true"})
  void evaluate_whenNeverUsedAndPasswordSetAroundLimit_firesFromExactlyTheLimit(
      long seconds, boolean unused) {
    Inventories.Row kevin =
        user("kevin").password(null).passwordChanged(ago(Duration.ofDays(45).plusSeconds(seconds)));

    assertThat(findings(kevin)).hasSize(unused ? 1 : 0);
  }

  @Test
  void evaluate_whenLastSignInLongAgo_reportsDaysDateAndLimit() {
    assertThat(findings(user("erin").password(daysAgo(83))))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "erin last signed in to the console 83 days ago, on "
                            + daysAgo(83)
                            + " (limit 45 days)"));
  }

  @Test
  void evaluate_whenNeverUsedAndPasswordRecentlyReset_measuresFromTheReset() {
    assertThat(
            findings(
                user("kevin").created(daysAgo(400)).password(null).passwordChanged(daysAgo(10))))
        .isEmpty();
  }

  @Test
  void evaluate_whenNeverUsedAndPasswordDateUnknown_measuresFromUserCreation() {
    assertThat(findings(user("kevin").created(daysAgo(60)).password(null)))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "kevin has never signed in to the console and the user was created 60 days ago, on "
                            + daysAgo(60)
                            + " (limit 45 days)"));
  }

  @Test
  void evaluate_whenNoPassword_findsNothing() {
    assertThat(findings(user("svc").created(daysAgo(400)))).isEmpty();
  }

  @Test
  void evaluate_whenLastUsedColumnMissing_isSkipped() {
    assertThat(
            CHECK
                .evaluate(Inventories.offline().without(ReportColumn.PASSWORD_LAST_USED).context())
                .skippedBecause())
        .contains("the credential report has no password_last_used column");
  }

  @Test
  void evaluate_whenNoColumnDatesThePassword_isSkipped() {
    CheckContext context =
        Inventories.offline()
            .without(ReportColumn.PASSWORD_LAST_CHANGED, ReportColumn.USER_CREATION_TIME)
            .context();

    assertThat(CHECK.evaluate(context).skippedBecause())
        .hasValueSatisfying(r -> assertThat(r).contains("password_last_changed"));
  }
}
