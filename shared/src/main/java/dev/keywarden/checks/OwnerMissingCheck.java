package dev.keywarden.checks;

import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds keys with nobody to tell when they must be rotated. */
public final class OwnerMissingCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "owner-missing",
              "User with an active key has no owner to notify",
              "A user holding an active key whose tags (`owner-tag-keys`, first match) name no owner, or name one that is not an e-mail address.",
              Severity.LOW,
              List.of(),
              List.of(),
              "Tag the user with the e-mail address of the person or team responsible for it (for example"
                  + " owner=platform-team@example.com), so rotation notices reach someone who can act.")
          .withTraits(CheckTrait.USER_ROWS);

  OwnerMissingCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    if (context.inventory().authorization().isEmpty()) {
      return CheckOutcome.skipped(Needs.AUTHORIZATION);
    }
    Optional<String> missing = Needs.columns(context, Needs.KEYS_ACTIVE);
    if (missing.isPresent()) {
      return CheckOutcome.skipped(missing.get());
    }
    AuthorizationDetails details = context.inventory().authorization().get();
    List<String> keys = context.policy().ownerTagKeys();
    List<Finding> findings = new ArrayList<>();
    for (CredentialReportRow row : context.inventory().credentialReport().users()) {
      Optional<IamUser> user = details.user(row.user());
      if (row.activeKeys().isEmpty() || user.isEmpty()) {
        continue;
      }
      Optional<Map.Entry<String, String>> owner = UserTags.owner(user.get(), keys);
      String message = null;
      if (owner.isEmpty()) {
        message =
            row.user()
                + " holds an active access key but has no owner tag (looked for "
                + Needs.list(keys)
                + ")";
      } else if (!UserTags.plausibleEmail(owner.get().getValue())) {
        message =
            row.user()
                + " holds an active access key but its "
                + owner.get().getKey()
                + " tag is '"
                + owner.get().getValue()
                + "', not an e-mail address";
      }
      if (message != null) {
        findings.add(Finding.of(METADATA, context.accountId(), row.user(), row.arn(), message));
      }
    }
    return CheckOutcome.of(findings);
  }
}
