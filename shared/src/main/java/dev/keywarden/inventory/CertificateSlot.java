package dev.keywarden.inventory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the two X.509 signing-certificate slots of a credential-report row ({@code cert_1_*},
 * {@code cert_2_*}): long-lived credentials that, like access keys, never expire on their own.
 *
 * @param slot 1 or 2
 * @param active whether the certificate is active
 * @param lastRotated when it was uploaded or last rotated; empty when the report says {@code N/A}
 */
public record CertificateSlot(int slot, boolean active, Optional<Instant> lastRotated) {
  public CertificateSlot {
    if (slot != 1 && slot != 2) {
      throw new IllegalArgumentException("signing certificate slot must be 1 or 2, was " + slot);
    }
    Objects.requireNonNull(lastRotated, "lastRotated");
  }

  /** The name IAM gives the slot in the report, {@code cert_1} or {@code cert_2}. */
  public String slotName() {
    return "cert_" + slot;
  }
}
