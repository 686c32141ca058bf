package dev.keywarden.inventory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the two access-key slots of a credential-report row.
 *
 * <p>The report names keys by slot (1 or 2), never by id: the id is looked up only when an action
 * needs it. Empty optionals mean the report said {@code N/A} (or the column was missing; the
 * report's {@link CredentialReport#has} tells which).
 *
 * @param slot 1 or 2
 * @param active whether the key is active
 * @param lastRotated when the key was created or last rotated
 * @param lastUsed when the key was last used; empty when never used
 */
public record AccessKeySlot(
    int slot, boolean active, Optional<Instant> lastRotated, Optional<Instant> lastUsed) {
  public AccessKeySlot {
    if (slot != 1 && slot != 2) {
      throw new IllegalArgumentException("access key slot must be 1 or 2, was " + slot);
    }
    Objects.requireNonNull(lastRotated, "lastRotated");
    Objects.requireNonNull(lastUsed, "lastUsed");
  }

  /** The name IAM gives the slot in the report, {@code access_key_1} or {@code access_key_2}. */
  public String slotName() {
    return "access_key_" + slot;
  }
}
