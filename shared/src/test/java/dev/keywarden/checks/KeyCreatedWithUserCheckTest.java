package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.ReportColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyCreatedWithUserCheckTest {
  private static final Check CHECK = new KeyCreatedWithUserCheck();

  private static List<Finding> findings(Inventories.Row row) {
    return CHECK.evaluate(Inventories.offline().with(row).context()).findings();
  }

  @Test
  void evaluate_whenConsoleUserHasNeverUsedKey_findsTheKey() {
    Inventories.Row carol = user("carol").password(daysAgo(1)).key(1, daysAgo(20), null);

    assertThat(findings(carol))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resourceId()).isEqualTo(carol.key(1));
              assertThat(f.message())
                  .isEqualTo(
                      "carol has a console password and its access_key_1 (created "
                          + daysAgo(20)
                          + ") has never been used");
            });
  }

  @Test
  void evaluate_whenConsoleUserUsedTheKey_findsNothing() {
    assertThat(findings(user("carol").password(daysAgo(1)).key(1, daysAgo(20), daysAgo(2))))
        .isEmpty();
  }

  @Test
  void evaluate_whenNoConsolePassword_findsNothing() {
    assertThat(findings(user("svc").key(1, daysAgo(20), null))).isEmpty();
  }

  @Test
  void evaluate_whenNeverUsedKeyInactive_findsNothing() {
    assertThat(findings(user("carol").password(daysAgo(1)).inactiveKey(1, daysAgo(20), null)))
        .isEmpty();
  }

  @Test
  void evaluate_whenPasswordColumnMissing_isSkipped() {
    assertThat(
            CHECK
                .evaluate(Inventories.offline().without(ReportColumn.PASSWORD_ENABLED).context())
                .skippedBecause())
        .contains("the credential report has no password_enabled column");
  }
}
