package dev.keywarden.functions.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import dev.keywarden.testsupport.crac.CheckpointContext;
import dev.keywarden.testsupport.crac.PrimingContract;
import java.time.Clock;
import org.crac.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * SnapStart priming: the handler registers for the checkpoint and primes against AWS without
 * changing anything.
 */
@WithEmulator
class PrimingIT extends PrimingContract {
  private ReportingAccount account;
  private ReportAggregatorHandler handler;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    account = ReportingAccount.arrange(endpoint);
    handler = account.handler(account.clients(), Clock.systemUTC());
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
    assertThat(
            account.clients().s3().listObjectsV2(r -> r.bucket(ReportingAccount.BUCKET)).contents())
        .as("objects in the reports bucket")
        .isEmpty();
  }
}
