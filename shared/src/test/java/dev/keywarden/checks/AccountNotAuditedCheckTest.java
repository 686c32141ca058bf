package dev.keywarden.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountNotAuditedCheckTest {
  @Test
  void finding_forAccountAndReason_isAnAccountWideHighFinding() {
    Finding finding =
        AccountNotAuditedCheck.finding(
            "210987654321", "AssumeRole into KeywardenAuditRole was denied");

    assertThat(finding.checkId()).isEqualTo("account-not-audited");
    assertThat(finding.severity()).isEqualTo(Severity.HIGH);
    assertThat(finding.accountId()).isEqualTo("210987654321");
    assertThat(finding.principal()).isEqualTo(Finding.ACCOUNT);
    assertThat(finding.resourceId()).isEqualTo("arn:aws:iam::210987654321:root");
    assertThat(finding.message())
        .isEqualTo(
            "account 210987654321 was not audited: AssumeRole into KeywardenAuditRole was denied");
  }

  @Test
  void evaluate_whenInventoryWasRead_findsNothing() {
    CheckOutcome outcome = new AccountNotAuditedCheck().evaluate(Inventories.offline().context());

    assertThat(outcome.findings()).isEmpty();
    assertThat(outcome.skipped()).isFalse();
  }
}
