package dev.keywarden.checks;

import dev.keywarden.inventory.CredentialReportRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds users with two active keys: usually a rotation left half done. */
public final class MultipleActiveKeysCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "multiple-active-keys",
              "User has more than one active access key",
              "An IAM user with both access keys active.",
              Severity.MEDIUM,
              List.of("1.13"),
              List.of(),
              "Keep one active key per user: finish the rotation by moving every application to the newer key, then deactivate"
                  + " and delete the older one.")
          .withTraits(CheckTrait.USER_ROWS);

  MultipleActiveKeysCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    Optional<String> missing = Needs.columns(context, Needs.KEYS_ACTIVE);
    if (missing.isPresent()) {
      return CheckOutcome.skipped(missing.get());
    }
    List<Finding> findings = new ArrayList<>();
    for (CredentialReportRow row : context.inventory().credentialReport().users()) {
      if (row.activeKeys().size() > 1) {
        String keys =
            row.activeKeys().stream()
                .map(
                    k ->
                        k.slotName()
                            + k.lastRotated().map(t -> " (last rotated " + t + ")").orElse(""))
                .collect(Collectors.joining(" and "));
        String message =
            row.user() + " has " + row.activeKeys().size() + " active access keys: " + keys;
        findings.add(Finding.of(METADATA, context.accountId(), row.user(), row.arn(), message));
      }
    }
    return CheckOutcome.of(findings);
  }
}
