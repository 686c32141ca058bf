package dev.keywarden.checks;

import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.ReportColumn;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Flags root access keys: unrestricted, unscoped credentials for the whole account. */
public final class RootAccessKeyCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "root-access-key",
              "Root user has an access key",
              "The root user has an active access key (from the credential report's root row, else the account summary).",
              Severity.CRITICAL,
              List.of("1.4"),
              List.of("IAM.4"),
              "Sign in as the root user, open Security credentials and delete its access keys (deactivate first if something"
                  + " might still use them); give automation an IAM role instead.")
          .withTraits(CheckTrait.ROOT);

  RootAccessKeyCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    String accountId = context.accountId();
    Optional<CredentialReportRow> root = Root.row(context, Needs.KEYS_ACTIVE);
    if (root.isPresent()) {
      List<AccessKeySlot> active = root.get().activeKeys();
      if (active.isEmpty()) {
        return CheckOutcome.of(List.of());
      }
      String keys =
          active.stream()
              .map(
                  k ->
                      k.slotName()
                          + k.lastUsed().map(t -> " (last used " + t + ")").orElse(" (never used)"))
              .collect(Collectors.joining(" and "));
      return CheckOutcome.of(
          List.of(finding(accountId, "the root user has an active access key: " + keys)));
    }
    if (context.inventory().summary().isPresent()) {
      return CheckOutcome.of(
          context.inventory().summary().get().rootAccessKeysPresent()
              ? List.of(
                  finding(
                      accountId,
                      "the account summary reports an access key on the root user (AccountAccessKeysPresent)"))
              : List.of());
    }
    return CheckOutcome.skipped(
        Root.unknown(context, ReportColumn.ACCESS_KEY_1_ACTIVE, ReportColumn.ACCESS_KEY_2_ACTIVE));
  }

  private static Finding finding(String accountId, String message) {
    return Finding.of(
        METADATA, accountId, CredentialReportRow.ROOT, Resources.rootArn(accountId), message);
  }
}
