package dev.keywarden.checks;

import dev.keywarden.inventory.IamSurface;
import java.util.List;

/**
 * Finds service-specific credentials (Git credentials, Bedrock API keys, Keyspaces) kept past the
 * key age.
 */
public final class ServiceCredentialOldCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "service-credential-old",
          "Active service-specific credential is older than the maximum key age",
          "An active, unexpired service-specific credential (CodeCommit Git credentials, Amazon Bedrock API key, Amazon"
              + " Keyspaces) created `max-key-age-days` (90, or the user's `keywarden:max-key-age` tag) or more days ago, read for all users in one"
              + " `ListServiceSpecificCredentials` listing (`AllUsers`). IAM records no last use of these credentials.",
          Severity.MEDIUM,
          List.of(),
          List.of(),
          List.of(),
          "Reset or replace the credential (`aws iam reset-service-specific-credential`, or create a new one and delete"
              + " the old), or give the application short-term credentials instead; for Bedrock, prefer short-term API keys.");

  ServiceCredentialOldCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    return UserCredentialAge.evaluate(
        context, METADATA, IamSurface::serviceCredentials, "service-specific-credential");
  }
}
