package dev.keywarden.checks;

import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.ReportColumn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Flags recent root use: root should sit unused outside the few tasks only it can do. */
public final class RootRecentlyUsedCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "root-recently-used",
              "Root user was used recently",
              "The root password or a root access key was used less than `root-window-days` (30) before the as-of time.",
              Severity.HIGH,
              List.of("1.7"),
              List.of(),
              "Find out in CloudTrail what the root user did and who did it; use IAM roles or IAM Identity Center for everyday"
                  + " work, keep root for the tasks that require it, and delete root access keys.")
          .withTraits(CheckTrait.ROOT);

  private static final ReportColumn[] NEEDED = {
    ReportColumn.PASSWORD_LAST_USED,
    ReportColumn.ACCESS_KEY_1_LAST_USED_DATE,
    ReportColumn.ACCESS_KEY_2_LAST_USED_DATE
  };

  RootRecentlyUsedCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    Optional<CredentialReportRow> row = context.inventory().credentialReport().root();
    if (row.isEmpty()) {
      return CheckOutcome.skipped(
          Root.NO_ROW + ", which is the only record of when root was last used");
    }
    Optional<String> missing = Needs.columns(context, NEEDED);
    if (missing.isPresent()) {
      return CheckOutcome.skipped(missing.get());
    }
    CredentialReportRow root = row.get();
    Instant asOf = context.asOf();
    Duration window = Duration.ofDays(context.policy().rootWindowDays());
    List<String> uses = new ArrayList<>();
    root.passwordLastUsed()
        .filter(t -> Duration.between(t, asOf).compareTo(window) < 0)
        .ifPresent(t -> uses.add(use("console sign-in", t, asOf)));
    for (AccessKeySlot slot : root.accessKeys()) {
      slot.lastUsed()
          .filter(t -> Duration.between(t, asOf).compareTo(window) < 0)
          .ifPresent(t -> uses.add(use(slot.slotName(), t, asOf)));
    }
    if (uses.isEmpty()) {
      return CheckOutcome.of(List.of());
    }
    return Root.finding(
        context,
        METADATA,
        "the root user was used within the last "
            + context.policy().rootWindowDays()
            + " days: "
            + String.join("; ", uses));
  }

  private static String use(String what, Instant when, Instant asOf) {
    long days = Resources.days(when, asOf);
    String ago = days <= 0 ? "less than a day ago" : Resources.plural(days, "day") + " ago";
    return what + " on " + when + " (" + ago + ")";
  }
}
