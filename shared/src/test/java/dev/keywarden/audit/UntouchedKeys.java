package dev.keywarden.audit;

import dev.keywarden.remediate.AccessKeys;
import dev.keywarden.remediate.KeyStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Access keys for a run that must neither read nor change a key (a dry run, or the central run that
 * only records accounts not audited): every call fails the test.
 */
final class UntouchedKeys implements AccessKeys {
  static final AccessKeys INSTANCE = new UntouchedKeys();

  private UntouchedKeys() {}

  @Override
  public Optional<String> accessKeyId(String userName, Instant lastRotated) {
    throw new AssertionError("no key read expected");
  }

  @Override
  public KeyStatus status(String userName, String accessKeyId) {
    throw new AssertionError("no key read expected");
  }

  @Override
  public void deactivate(String userName, String accessKeyId) {
    throw new AssertionError("no key change expected");
  }

  @Override
  public void reactivate(String userName, String accessKeyId) {
    throw new AssertionError("no key change expected");
  }

  @Override
  public KeyStatus awaitStatus(String userName, String accessKeyId, KeyStatus expected) {
    throw new AssertionError("no key read expected");
  }
}
