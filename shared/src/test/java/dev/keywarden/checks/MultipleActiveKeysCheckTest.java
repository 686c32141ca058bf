package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.ReportColumn;
import org.junit.jupiter.api.Test;

class MultipleActiveKeysCheckTest {
  private static final Check CHECK = new MultipleActiveKeysCheck();

  @Test
  void evaluate_whenTwoActiveKeys_findsTheUser() {
    Inventories.Row frank = user("frank").key(1, daysAgo(50)).key(2, daysAgo(9));

    assertThat(CHECK.evaluate(Inventories.offline().with(frank).context()).findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resourceId()).isEqualTo(frank.arn);
              assertThat(f.message())
                  .isEqualTo(
                      "frank has 2 active access keys: access_key_1 (last rotated "
                          + daysAgo(50)
                          + ") and access_key_2 (last rotated "
                          + daysAgo(9)
                          + ")");
            });
  }

  @Test
  void evaluate_whenSecondKeyInactive_findsNothing() {
    Inventories.Row frank = user("frank").key(1, daysAgo(50)).inactiveKey(2, daysAgo(9), null);

    assertThat(CHECK.evaluate(Inventories.offline().with(frank).context()).findings()).isEmpty();
  }

  @Test
  void evaluate_whenSecondSlotColumnMissing_isSkipped() {
    assertThat(
            CHECK
                .evaluate(Inventories.offline().without(ReportColumn.ACCESS_KEY_2_ACTIVE).context())
                .skippedBecause())
        .contains("the credential report has no access_key_2_active column");
  }
}
