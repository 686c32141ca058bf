package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.ReportColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleWithoutMfaCheckTest {
  private static final Check CHECK = new ConsoleWithoutMfaCheck();

  private static List<Finding> findings(Inventories.Row row) {
    return CHECK.evaluate(Inventories.offline().with(row).context()).findings();
  }

  @Test
  void evaluate_whenPasswordWithoutMfa_findsTheUser() {
    Inventories.Row dave = user("dave").password(daysAgo(2));

    assertThat(findings(dave))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.principal()).isEqualTo("dave");
              assertThat(f.resourceId()).isEqualTo(dave.arn);
              assertThat(f.message())
                  .isEqualTo(
                      "dave can sign in to the console with a password but has no active MFA device");
            });
  }

  @Test
  void evaluate_whenPasswordWithMfa_findsNothing() {
    assertThat(findings(user("heidi").password(daysAgo(2)).mfa())).isEmpty();
  }

  @Test
  void evaluate_whenNoPassword_findsNothing() {
    assertThat(findings(user("svc"))).isEmpty();
  }

  @Test
  void evaluate_whenMfaColumnMissing_isSkipped() {
    assertThat(
            CHECK
                .evaluate(Inventories.offline().without(ReportColumn.MFA_ACTIVE).context())
                .skippedBecause())
        .contains("the credential report has no mfa_active column");
  }
}
