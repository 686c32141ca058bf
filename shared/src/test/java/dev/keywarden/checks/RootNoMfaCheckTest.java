package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.ROOT_ARN;
import static dev.keywarden.checks.Inventories.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.CredentialReportRow;
import org.junit.jupiter.api.Test;

class RootNoMfaCheckTest {
  private static final Check CHECK = new RootNoMfaCheck();

  @Test
  void evaluate_whenRootRowHasNoMfa_findsRoot() {
    assertThat(CHECK.evaluate(Inventories.offline().withRoot(root()).context()).findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.principal()).isEqualTo(CredentialReportRow.ROOT);
              assertThat(f.resourceId()).isEqualTo(ROOT_ARN);
              assertThat(f.message())
                  .isEqualTo(
                      "the root user has no MFA device: the credential report's root row has mfa_active false");
            });
  }

  @Test
  void evaluate_whenRootRowHasMfa_findsNothing() {
    assertThat(CHECK.evaluate(Inventories.offline().withRoot(root().mfa()).context()).findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenNoRootRowAndSummarySaysNoMfa_findsRoot() {
    assertThat(CHECK.evaluate(Inventories.online().summary(false, false).context()).findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("AccountMFAEnabled 0"));
  }

  @Test
  void evaluate_whenNoRootRowAndSummarySaysMfa_findsNothing() {
    assertThat(CHECK.evaluate(Inventories.online().summary(true, false).context()).findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenNoRootRowOffline_isSkipped() {
    assertThat(CHECK.evaluate(Inventories.offline().context()).skippedBecause())
        .hasValueSatisfying(
            r -> assertThat(r).contains("<root_account> row").contains("GetAccountSummary"));
  }
}
