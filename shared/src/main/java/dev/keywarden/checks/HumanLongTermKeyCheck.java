package dev.keywarden.checks;

import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.ReportColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds people (console users) holding long-term keys, which short-term SSO credentials can
 * replace.
 */
public final class HumanLongTermKeyCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "human-long-term-key",
              "Console user holds a long-term access key",
              "A user with a console password (a person) who also holds an active access key.",
              Severity.MEDIUM,
              List.of(),
              List.of(),
              "Give the person access through IAM Identity Center and use short-term credentials (`aws configure sso`, then"
                  + " `aws sso login`); once their tools work that way, deactivate and delete their access keys.")
          .withTraits(CheckTrait.USER_ROWS);

  HumanLongTermKeyCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    Optional<String> missing =
        Needs.columns(
            context,
            Needs.all(new ReportColumn[] {ReportColumn.PASSWORD_ENABLED}, Needs.KEYS_ACTIVE));
    if (missing.isPresent()) {
      return CheckOutcome.skipped(missing.get());
    }
    List<Finding> findings = new ArrayList<>();
    for (CredentialReportRow row : context.inventory().credentialReport().users()) {
      if (row.passwordEnabled() && !row.activeKeys().isEmpty()) {
        String keys =
            row.activeKeys().stream()
                .map(AccessKeySlot::slotName)
                .collect(Collectors.joining(" and "));
        String message =
            row.user()
                + " signs in to the console and also holds long-term "
                + keys
                + ": use IAM Identity Center short-term credentials instead";
        findings.add(Finding.of(METADATA, context.accountId(), row.user(), row.arn(), message));
      }
    }
    return CheckOutcome.of(findings);
  }
}
