package dev.keywarden.rotate;

import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import dev.keywarden.remediate.AccessKeys;
import dev.keywarden.remediate.KeyStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Undoes an assisted rotation the owner did not want: the key Keywarden created is deactivated
 * (never deleted) and its secret deleted with every version of its value, and the rotation is
 * recorded as withdrawn, so that no later run starts it again for the same old key. The old key is
 * left as it is; if Keywarden already deactivated it, {@code keywarden reactivate} turns it back
 * on.
 */
public final class Withdrawal {
  private final RotationStore store;
  private final SecretVault vault;
  private final AccessKeys keys;

  private Withdrawal(RotationStore store, SecretVault vault, AccessKeys keys) {
    this.store = Objects.requireNonNull(store, "store");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  public static Withdrawal create(RotationStore store, SecretVault vault, AccessKeys keys) {
    return new Withdrawal(store, vault, keys);
  }

  /**
   * Withdraws the user's rotation.
   *
   * @param reason why, kept in the rotation's record; must not be blank
   * @return what was done, in one sentence
   * @throws InvalidInputException when the reason is blank or the user has no rotation with a
   *     created key that is in progress, cut over or finished at its deadline
   * @throws KeywardenException when IAM or Secrets Manager refuses; the record is unchanged and the
   *     command can be run again
   */
  public String withdraw(
      String accountId, String userName, String reason, String actor, Instant now) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException(
          "reason: '"
              + Objects.toString(reason, "")
              + "' is blank; say why the new key of "
              + userName
              + " is not wanted: it goes into the rotation's record");
    }
    RotationRecord rotation = store.rotations(accountId).get(userName);
    if (rotation == null) {
      throw new InvalidInputException(
          "user " + userName + " of account " + accountId + " has no assisted rotation");
    }
    if (rotation.phase() == RotationRecord.Phase.WITHDRAWN
        || rotation.phase() == RotationRecord.Phase.ABANDONED
        || rotation.phase() == RotationRecord.Phase.INTENT
        || rotation.newKeyId().isEmpty()) {
      throw new InvalidInputException(
          "the assisted rotation of "
              + userName
              + " in account "
              + accountId
              + " is "
              + rotation.phase().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + "; there is no new key to withdraw"
              + (rotation.phase() == RotationRecord.Phase.INTENT
                  ? " yet (the next run finishes or abandons it)"
                  : ""));
    }
    String keyId = rotation.newKeyId().get();
    KeyStatus status = keys.status(userName, keyId);
    if (status == KeyStatus.ACTIVE) {
      keys.deactivate(userName, keyId);
      KeyStatus after = keys.awaitStatus(userName, keyId, KeyStatus.INACTIVE);
      if (after == KeyStatus.ACTIVE) {
        throw new KeywardenException(
            "deactivating key "
                + keyId
                + " of user "
                + userName
                + " was not confirmed: IAM still reports it active; run the command again");
      }
    }
    vault.delete(rotation.secretName());
    RotationRecord withdrawn =
        rotation.next(
            RotationRecord.Phase.WITHDRAWN,
            now,
            "withdraw:" + now,
            "withdrawn by " + actor + ": " + reason.strip());
    if (!store.put(withdrawn)) {
      throw new KeywardenException(
          "the rotation of " + userName + " changed while it was withdrawn; run the command again");
    }
    return "Withdrew the assisted rotation of "
        + userName
        + " in account "
        + accountId
        + ": key "
        + keyId
        + " is "
        + (status == KeyStatus.MISSING ? "gone" : "inactive")
        + " (not deleted) and secret "
        + rotation.secretName()
        + " is deleted. The old key "
        + rotation.oldKeyId()
        + " is left as it is"
        + (rotation.phase() == RotationRecord.Phase.CUT_OVER
            ? "; Keywarden deactivated it early, so turn it back on with keywarden reactivate --account "
                + accountId
                + " --user "
                + userName
                + " --key "
                + rotation.oldKeyId()
                + " --reason \"...\""
            : "; rotate it by hand before its deadline (" + rotation.oldDeadline() + ")")
        + ".";
  }
}
