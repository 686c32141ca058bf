package dev.keywarden.checks;

import dev.keywarden.inventory.IamSurface;
import java.util.List;

/**
 * Finds CodeCommit SSH public keys kept past the key age: IAM never expires them and records no
 * use.
 */
public final class SshKeyOldCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "ssh-key-old",
          "Active SSH public key is older than the maximum key age",
          "An active SSH public key (CodeCommit) of an IAM user uploaded `max-key-age-days` (90, or the user's `keywarden:max-key-age` tag) or more days ago. IAM"
              + " records no last use of SSH keys. Reading them costs one `ListSSHPublicKeys` call per user, so the check"
              + " runs only in accounts of at most `ssh-key-max-users` users (default 0: skipped, never passed).",
          Severity.MEDIUM,
          List.of(),
          List.of(),
          List.of(),
          "Upload a new key, move the Git client to it, then deactivate and delete the old one (`aws iam"
              + " delete-ssh-public-key`); better, use HTTPS with short-term credentials (git-remote-codecommit).");

  SshKeyOldCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    return UserCredentialAge.evaluate(
        context, METADATA, IamSurface::sshPublicKeys, "ssh-public-key");
  }
}
