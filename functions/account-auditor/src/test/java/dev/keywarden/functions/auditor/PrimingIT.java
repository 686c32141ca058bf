package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import dev.keywarden.testsupport.crac.CheckpointContext;
import dev.keywarden.testsupport.crac.PrimingContract;
import org.crac.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * SnapStart priming: the handler registers for the checkpoint and primes against AWS without
 * changing anything.
 */
@WithEmulator
class PrimingIT extends PrimingContract {
  private AuditedAccount account;
  private AccountAuditorHandler handler;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    account = AuditedAccount.arrange(endpoint);
    handler = account.handler();
  }

  @AfterEach
  void close() {
    account.close();
  }

  @Override
  protected Resource registerWith(CheckpointContext context) {
    handler.registerWith(context);
    return handler;
  }

  @Override
  protected void assertNothingWritten() {
    assertThat(account.storedItems()).as("items in the findings table").isZero();
  }
}
