package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.ROOT_ARN;
import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.ReportColumn;
import org.junit.jupiter.api.Test;

class RootAccessKeyCheckTest {
  private static final Check CHECK = new RootAccessKeyCheck();

  @Test
  void evaluate_whenRootRowHasActiveKey_findsRoot() {
    CheckOutcome outcome =
        CHECK.evaluate(
            Inventories.offline().withRoot(root().key(1, daysAgo(900), daysAgo(4))).context());

    assertThat(outcome.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.principal()).isEqualTo(CredentialReportRow.ROOT);
              assertThat(f.resourceId()).isEqualTo(ROOT_ARN);
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.message())
                  .isEqualTo(
                      "the root user has an active access key: access_key_1 (last used "
                          + daysAgo(4)
                          + ")");
            });
  }

  @Test
  void evaluate_whenRootKeyInactive_findsNothing() {
    CheckOutcome outcome =
        CHECK.evaluate(
            Inventories.offline().withRoot(root().inactiveKey(1, daysAgo(900), null)).context());

    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.skipped()).isFalse();
  }

  @Test
  void evaluate_whenRootRowPresent_trustsItOverTheSummary() {
    assertThat(
            CHECK
                .evaluate(Inventories.online().summary(true, true).withRoot(root()).context())
                .findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenNoRootRowAndSummaryReportsKey_findsRoot() {
    assertThat(CHECK.evaluate(Inventories.online().summary(true, true).context()).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("AccountAccessKeysPresent"));
  }

  @Test
  void evaluate_whenNoRootRowAndSummaryReportsNoKey_findsNothing() {
    assertThat(CHECK.evaluate(Inventories.online().summary(true, false).context()).findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenNoRootRowOffline_isSkipped() {
    assertThat(CHECK.evaluate(Inventories.offline().context()).skippedBecause())
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .isEqualTo(
                        "the credential report has no <root_account> row and the account summary (GetAccountSummary) is not in this inventory"));
  }

  @Test
  void evaluate_whenRootRowLacksKeyColumnOffline_isSkippedNamingIt() {
    CheckContext context =
        Inventories.offline().withRoot(root()).without(ReportColumn.ACCESS_KEY_2_ACTIVE).context();

    assertThat(CHECK.evaluate(context).skippedBecause())
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .startsWith("the credential report has no access_key_2_active column and"));
  }
}
