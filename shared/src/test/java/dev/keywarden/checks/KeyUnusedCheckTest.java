package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.ago;
import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.ReportColumn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyUnusedCheckTest {
  private static final Check CHECK = new KeyUnusedCheck();

  private static List<Finding> findings(Inventories inventory) {
    return CHECK.evaluate(inventory.context()).findings();
  }

  @ParameterizedTest(name = "last used 45 days {0} s ago: unused={1}")
  @CsvSource({"-1, false", "0, true", "1, true"})
  void evaluate_whenLastUsedAroundLimit_firesFromExactlyTheLimit(long seconds, boolean unused) {
    Instant used = ago(Duration.ofDays(45).plusSeconds(seconds));

    assertThat(findings(Inventories.offline().with(user("grace").key(1, daysAgo(60), used))))
        .hasSize(unused ? 1 : 0);
  }

  @ParameterizedTest(name = "never used, created 45 days {0} s ago: unused={1}")
  @CsvSource({"-1, false", "0, true", "1, true"})
  void evaluate_whenNeverUsedAndCreatedAroundLimit_firesFromExactlyTheLimit(
      long seconds, boolean unused) {
    Instant created = ago(Duration.ofDays(45).plusSeconds(seconds));

    assertThat(findings(Inventories.offline().with(user("leo").key(1, created, null))))
        .hasSize(unused ? 1 : 0);
  }

  @Test
  void evaluate_whenLastUsedLongAgo_reportsDaysDateAndLimit() {
    Inventories.Row grace =
        user("grace")
            .key(1, Instant.parse("2026-09-10T08:00:00Z"), Instant.parse("2026-09-15T11:00:00Z"));

    Finding finding =
        CHECK
            .evaluate(Inventories.offline().with(grace).at(Instant.parse("2026-11-24T00:00:00Z")))
            .findings()
            .get(0);

    assertThat(finding.message())
        .isEqualTo(
            "access_key_1 of grace was last used 69 days ago, on 2026-09-15T11:00:00Z (limit 45 days)");
    assertThat(finding.resourceId()).isEqualTo(grace.key(1));
    assertThat(finding.deadline()).isEmpty();
  }

  @Test
  void evaluate_whenNeverUsed_saysSoWithCreationDate() {
    Inventories.Row leo = user("leo").key(2, daysAgo(84), null);

    assertThat(findings(Inventories.offline().with(leo)))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "access_key_2 of leo has never been used and was created 84 days ago, on "
                            + daysAgo(84)
                            + " (limit 45 days)"));
  }

  @Test
  void evaluate_whenUnusedKeyInactive_findsNothing() {
    assertThat(
            findings(
                Inventories.offline()
                    .with(user("judy").inactiveKey(1, daysAgo(400), daysAgo(300)))))
        .isEmpty();
  }

  @Test
  void evaluate_whenLastUsedColumnMissing_isSkipped() {
    assertThat(
            CHECK
                .evaluate(
                    Inventories.offline()
                        .without(ReportColumn.ACCESS_KEY_2_LAST_USED_DATE)
                        .context())
                .skippedBecause())
        .contains("the credential report has no access_key_2_last_used_date column");
  }
}
