package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.ReportColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class HumanLongTermKeyCheckTest {
  private static final Check CHECK = new HumanLongTermKeyCheck();

  private static List<Finding> findings(Inventories.Row row) {
    return CHECK.evaluate(Inventories.offline().with(row).context()).findings();
  }

  @Test
  void evaluate_whenConsoleUserHoldsActiveKey_recommendsIdentityCenter() {
    Inventories.Row carol = user("carol").password(daysAgo(1)).key(2, daysAgo(3));

    assertThat(findings(carol))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resourceId()).isEqualTo(carol.arn);
              assertThat(f.message())
                  .isEqualTo(
                      "carol signs in to the console and also holds long-term access_key_2: use IAM Identity Center short-term credentials instead");
            });
  }

  @Test
  void evaluate_whenConsoleUserKeyInactive_findsNothing() {
    assertThat(findings(user("carol").password(daysAgo(1)).inactiveKey(1, daysAgo(3), null)))
        .isEmpty();
  }

  @Test
  void evaluate_whenServiceUserHoldsKey_findsNothing() {
    assertThat(findings(user("svc").key(1, daysAgo(3)))).isEmpty();
  }

  @Test
  void evaluate_whenPasswordColumnMissing_isSkipped() {
    assertThat(
            CHECK
                .evaluate(Inventories.offline().without(ReportColumn.PASSWORD_ENABLED).context())
                .skipped())
        .isTrue();
  }
}
