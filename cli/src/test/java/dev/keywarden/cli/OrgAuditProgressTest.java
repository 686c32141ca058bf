package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.audit.AccountAudit;
import dev.keywarden.audit.RunOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class OrgAuditProgressTest {
  private static AccountAudit result(String accountId, RunOutcome.Status status) {
    return AccountAudit.audited(accountId, RunOutcome.untouched(accountId, "run-1", status));
  }

  @Test
  void done_atATerminal_rewritesOneLineAndEndsItWhenFinished() {
    StringWriter err = new StringWriter();
    OrgAuditCommand.Progress progress = new OrgAuditCommand.Progress(new PrintWriter(err), true);
    progress.expect(50);

    progress.done(result("123456789012", RunOutcome.Status.COMPLETED));
    progress.done(result("210987654321", RunOutcome.Status.NOT_AUDITED));
    progress.finish();

    assertThat(err.toString())
        .isEqualTo(
            "\r[1/50] 123456789012 done\u001b[K\r[2/50] 210987654321 not audited\u001b[K"
                + System.lineSeparator());
  }

  @Test
  void done_whenNotATerminal_printsOnePlainLinePerAccount() {
    StringWriter err = new StringWriter();
    OrgAuditCommand.Progress progress = new OrgAuditCommand.Progress(new PrintWriter(err), false);
    progress.expect(2);

    progress.done(result("123456789012", RunOutcome.Status.SKIPPED_BUSY));
    progress.done(AccountAudit.failed("210987654321", "boom"));
    progress.finish();

    assertThat(err.toString().lines())
        .containsExactly("[1/2] 123456789012 busy", "[2/2] 210987654321 failed");
  }

  @Test
  void describe_whenTheRunFailed_saysWhy() {
    assertThat(OrgAuditCommand.describe(AccountAudit.failed("123456789012", "DynamoDB throttled")))
        .isEqualTo("failed: DynamoDB throttled");
  }
}
