package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.ago;
import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.ReportColumn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyRotationDueCheckTest {
  private static final Check CHECK = new KeyRotationDueCheck();

  private static List<Finding> findings(Inventories inventory) {
    return CHECK.evaluate(inventory.context()).findings();
  }

  /**
   * Age of the key in seconds past {@code days} days; deadline is at 90 days, notice opens at 76.
   */
  @ParameterizedTest(name = "{0} days {1} s old: due={2}")
  @CsvSource({
    "76, -1, false",
    "76, 0, true",
    "76, 1, true",
    "89, 86399, true",
    "90, 0, false",
    "90, 1, false",
    "10, 0, false"
  })
  void evaluate_aroundNoticeWindowAndDeadline_firesOnlyInsideIt(
      long days, long seconds, boolean due) {
    Instant rotated = ago(Duration.ofDays(days).plusSeconds(seconds));

    assertThat(findings(Inventories.offline().with(user("bob").key(1, rotated))))
        .hasSize(due ? 1 : 0);
  }

  @Test
  void evaluate_whenDue_reportsDeadlineAndDaysLeft() {
    Instant rotated = Instant.parse("2026-08-31T09:00:00Z");

    Finding finding =
        CHECK
            .evaluate(
                Inventories.offline()
                    .with(user("bob").key(1, rotated))
                    .at(Instant.parse("2026-11-24T00:00:00Z")))
            .findings()
            .get(0);

    assertThat(finding.message())
        .isEqualTo(
            "access_key_1 of bob is 84 days old (max 90): rotate it before 2026-11-29T09:00:00Z (5 days left)");
    assertThat(finding.deadline()).contains(Instant.parse("2026-11-29T09:00:00Z"));
    assertThat(finding.resourceId()).isEqualTo("arn:aws:iam::123456789012:user/bob#access_key_1");
  }

  @Test
  void evaluate_whenLessThanADayLeft_saysSo() {
    Instant rotated = ago(Duration.ofDays(90).minusHours(3));

    assertThat(findings(Inventories.offline().with(user("bob").key(1, rotated))))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).endsWith("(less than a day left)"));
  }

  @Test
  void evaluate_whenTaggedMaxAge_measuresNoticeFromTaggedDeadline() {
    Inventories.Row svc = user("svc").key(1, daysAgo(20)).tag(AuditPolicy.MAX_KEY_AGE_TAG, "30");

    assertThat(findings(Inventories.online().with(svc)))
        .singleElement()
        .satisfies(f -> assertThat(f.deadline()).contains(daysAgo(20).plus(Duration.ofDays(30))));
  }

  @Test
  void evaluate_whenBothKeysDue_findsEachKey() {
    Inventories.Row bob = user("bob").key(1, daysAgo(80)).key(2, daysAgo(85));

    assertThat(findings(Inventories.offline().with(bob)))
        .extracting(Finding::resourceId)
        .containsExactly(bob.key(1), bob.key(2));
  }

  @Test
  void evaluate_whenActiveColumnMissing_isSkipped() {
    assertThat(
            CHECK
                .evaluate(Inventories.offline().without(ReportColumn.ACCESS_KEY_1_ACTIVE).context())
                .skippedBecause())
        .contains("the credential report has no access_key_1_active column");
  }
}
