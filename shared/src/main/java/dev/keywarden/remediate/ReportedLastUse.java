package dev.keywarden.remediate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the credential report says of the last use of a condemned key's slot and of the user's other
 * slot, when that other slot's key was created in the same second: what can tell two such keys
 * apart once {@code iam:GetAccessKeyLastUsed} gives each key id's last use.
 *
 * @param slot when the condemned slot's key was last used; empty when never
 * @param otherSlot when the other slot's key was last used; empty when never
 */
public record ReportedLastUse(Optional<Instant> slot, Optional<Instant> otherSlot) {
  public ReportedLastUse {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(otherSlot, "otherSlot");
  }
}
