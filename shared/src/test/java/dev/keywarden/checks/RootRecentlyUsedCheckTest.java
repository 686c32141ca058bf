package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.ago;
import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.ReportColumn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RootRecentlyUsedCheckTest {
  private static final Check CHECK = new RootRecentlyUsedCheck();

  private static List<Finding> findings(Inventories.Row rootRow) {
    return CHECK.evaluate(Inventories.offline().withRoot(rootRow).context()).findings();
  }

  @ParameterizedTest(name = "signed in 30 days {0} s ago: recent={1}")
  @CsvSource({"-1, true", "0, false", "1, false"})
  void evaluate_whenSignInAroundWindow_firesOnlyInsideIt(long seconds, boolean recent) {
    assertThat(findings(root().passwordUsed(ago(Duration.ofDays(30).plusSeconds(seconds)))))
        .hasSize(recent ? 1 : 0);
  }

  @ParameterizedTest(name = "key used 30 days {0} s ago: recent={1}")
  @CsvSource({"-1, true", "0, false"})
  void evaluate_whenKeyUseAroundWindow_firesOnlyInsideIt(long seconds, boolean recent) {
    assertThat(
            findings(
                root().inactiveKey(2, daysAgo(900), ago(Duration.ofDays(30).plusSeconds(seconds)))))
        .hasSize(recent ? 1 : 0);
  }

  @Test
  void evaluate_whenSignInAndKeyRecent_listsBoth() {
    assertThat(
            findings(
                root().passwordUsed(daysAgo(13)).key(1, daysAgo(900), ago(Duration.ofHours(5)))))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "the root user was used within the last 30 days: console sign-in on "
                            + daysAgo(13)
                            + " (13 days ago); access_key_1 on "
                            + ago(Duration.ofHours(5))
                            + " (less than a day ago)"));
  }

  @Test
  void evaluate_whenRootNeverUsed_findsNothing() {
    assertThat(findings(root())).isEmpty();
  }

  @Test
  void evaluate_whenNoRootRow_isSkippedEvenWithSummary() {
    assertThat(CHECK.evaluate(Inventories.online().context()).skippedBecause())
        .hasValueSatisfying(
            r -> assertThat(r).startsWith("the credential report has no <root_account> row"));
  }

  @Test
  void evaluate_whenLastUsedColumnMissing_isSkipped() {
    CheckContext context =
        Inventories.offline()
            .withRoot(root())
            .without(ReportColumn.ACCESS_KEY_1_LAST_USED_DATE)
            .context();

    assertThat(CHECK.evaluate(context).skippedBecause())
        .contains("the credential report has no access_key_1_last_used_date column");
  }
}
