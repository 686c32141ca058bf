package dev.keywarden.testsupport.crac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.crac.Resource;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming, alike for every function: the handler registers for the checkpoint, and the
 * checkpoint primes it against AWS without throwing and without writing anything. Each function
 * module's {@code PrimingIT} extends it; it builds its handler against the emulator before each
 * test and says what "nothing written" means for that function.
 */
public abstract class PrimingContract {
  private final CheckpointContext checkpoint = new CheckpointContext();

  /**
   * Registers the handler under test (built before each test) with the context, as its constructor
   * does with the runtime's global one, and returns it.
   */
  protected abstract Resource registerWith(CheckpointContext context);

  /**
   * Asserts that nothing the function writes (table items, queued messages, stored objects) was
   * written.
   */
  protected abstract void assertNothingWritten();

  @Test
  void registerWith_whenGivenTheCheckpointContext_registersTheHandler() {
    Resource handler = registerWith(checkpoint);

    assertThat(checkpoint.registered()).containsExactly(handler);
  }

  @Test
  void beforeCheckpoint_whenRunByTheCheckpoint_primesWithoutThrowingOrWriting() {
    registerWith(checkpoint);

    assertThatCode(() -> checkpoint.beforeCheckpoint(null)).doesNotThrowAnyException();
    assertNothingWritten();
  }
}
