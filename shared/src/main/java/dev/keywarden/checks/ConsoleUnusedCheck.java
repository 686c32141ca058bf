package dev.keywarden.checks;

import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.ReportColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds console passwords nobody signs in with: dormant logins are easy to take over unnoticed. */
public final class ConsoleUnusedCheck implements Check {
  public static final CheckMetadata METADATA =
      new CheckMetadata(
              "console-unused",
              "Console password has not been used recently",
              "A console password last used `unused-days` (45) or more days ago, or never used while the password (last changed, else the user's creation) is `unused-days` or more days old.",
              Severity.MEDIUM,
              List.of("1.12"),
              List.of("IAM.22"),
              "Remove the console password of users who no longer sign in (IAM console: Users, the user, Security credentials,"
                  + " Manage console access, Disable); delete the user if it is no longer needed.")
          .withTraits(CheckTrait.USER_ROWS);

  ConsoleUnusedCheck() {}

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  public CheckOutcome evaluate(CheckContext context) {
    Optional<String> missing =
        Needs.columns(context, ReportColumn.PASSWORD_ENABLED, ReportColumn.PASSWORD_LAST_USED);
    if (missing.isPresent()) {
      return CheckOutcome.skipped(missing.get());
    }
    if (!context.inventory().credentialReport().has(ReportColumn.PASSWORD_LAST_CHANGED)
        && !context.inventory().credentialReport().has(ReportColumn.USER_CREATION_TIME)) {
      return CheckOutcome.skipped(
          "the credential report has neither a password_last_changed nor a user_creation_time column,"
              + " so the age of never-used passwords is unknown");
    }
    Instant asOf = context.asOf();
    int limit = context.policy().unusedDays();
    List<Finding> findings = new ArrayList<>();
    for (CredentialReportRow row : context.inventory().credentialReport().users()) {
      if (!row.passwordEnabled()) {
        continue;
      }
      String message = null;
      if (row.passwordLastUsed().isPresent()) {
        Instant used = row.passwordLastUsed().get();
        if (Resources.atLeastDaysAgo(used, asOf, limit)) {
          message =
              row.user()
                  + " last signed in to the console "
                  + Resources.plural(Resources.days(used, asOf), "day")
                  + " ago, on "
                  + used
                  + " (limit "
                  + limit
                  + " days)";
        }
      } else {
        Optional<Instant> set = row.passwordLastChanged().or(row::userCreated);
        if (set.isPresent() && Resources.atLeastDaysAgo(set.get(), asOf, limit)) {
          String what =
              row.passwordLastChanged().isPresent()
                  ? "its password was set "
                  : "the user was created ";
          message =
              row.user()
                  + " has never signed in to the console and "
                  + what
                  + Resources.plural(Resources.days(set.get(), asOf), "day")
                  + " ago, on "
                  + set.get()
                  + " (limit "
                  + limit
                  + " days)";
        }
      }
      if (message != null) {
        findings.add(Finding.of(METADATA, context.accountId(), row.user(), row.arn(), message));
      }
    }
    return CheckOutcome.of(findings);
  }
}
