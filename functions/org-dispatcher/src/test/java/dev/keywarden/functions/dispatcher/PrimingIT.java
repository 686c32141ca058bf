package dev.keywarden.functions.dispatcher;

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
  private DispatchQueue queue;
  private OrgDispatcherHandler handler;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    queue = DispatchQueue.arrange(endpoint);
    handler = queue.handler(queue.clients());
  }

  @AfterEach
  void close() {
    queue.close();
  }

  @Override
  protected Resource registerWith(CheckpointContext context) {
    handler.registerWith(context);
    return handler;
  }

  @Override
  protected void assertNothingWritten() {
    assertThat(queue.storedItems()).as("items in the findings table").isZero();
    assertThat(queue.queued()).as("queued audit requests").isEmpty();
  }
}
