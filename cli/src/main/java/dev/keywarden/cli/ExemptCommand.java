package dev.keywarden.cli;

import dev.keywarden.InvalidInputException;
import dev.keywarden.aws.AccountRuns;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.checks.ExemptionGrant;
import dev.keywarden.config.Settings;
import dev.keywarden.findings.ExemptionGrants;
import dev.keywarden.findings.GrantRules;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keywarden exempt}: the security team grants (or revokes) one user's exemption, centrally.
 */
@Command(
    name = "exempt",
    mixinStandardHelpOptions = true,
    header = "Grant or revoke a user's exemption, recorded centrally with who and when.",
    description = {
      "Records in the findings table that the security team exempts one IAM user until a day, and why:",
      "the next run sets that user's findings aside (all exemptable checks, or only --checks).",
      "The user's own keywarden:exempt-* tags never exempt anyone; they are shown as requests (exemption-requested)",
      "and, when a grant exists, can only narrow it (an earlier end, fewer checks).",
      "The end day may be at most max-exemption-days (default 180) ahead. The grant records the caller's ARN.",
    },
    footer = {
      "",
      "Examples:",
      "  keywarden exempt --account 123456789012 --user svc-vendor --until 2027-03-31 \\",
      "      --reason \"vendor appliance, replaced in Q1, ticket SEC-42\" --checks key-expired,key-rotation-due",
      "  keywarden exempt --account 123456789012 --user svc-vendor --revoke"
    })
final class ExemptCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin ConfigOption config;

  @Option(
      names = "--account",
      required = true,
      paramLabel = "ID",
      description = "The user's 12-digit account id.")
  String account;

  @Option(
      names = "--user",
      required = true,
      paramLabel = "NAME",
      description = "The IAM user to exempt.")
  String user;

  @Option(
      names = "--until",
      paramLabel = "DATE",
      description = "The last day covered, YYYY-MM-DD (UTC), at most max-exemption-days ahead.")
  String until;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Why; kept with the grant and shown in the weekly report.")
  String reason;

  @Option(
      names = "--checks",
      paramLabel = "IDS",
      description =
          "Only these check ids (comma- or space-separated). Default: every exemptable check.")
  String checks;

  @Option(
      names = "--revoke",
      description = "Revoke the user's grant instead; its record keeps who revoked it and when.")
  boolean revoke;

  @Override
  public Integer call() {
    GrantRules.account(account);
    GrantRules.user(user);
    if (revoke && (until != null || checks != null)) {
      throw new InvalidInputException(
          "--revoke takes only --account and --user (and optionally --reason), not --until or --checks");
    }
    Settings settings = config.settings();
    PrintWriter out = spec.commandLine().getOut();
    Instant now = Clock.systemUTC().instant();
    try (AwsClientFactory clients = AwsClientFactory.create(aws.settings())) {
      ExemptionGrants grants = AccountRuns.grants(clients, settings);
      if (!revoke) {
        // Validate every flag before the first AWS call.
        GrantRules.grant(
            account, user, until, reason, checks, settings.maxExemptionDays(), "caller", now);
      }
      String caller = clients.callerIdentity().arn();
      if (revoke) {
        Optional<ExemptionGrant> revoked = grants.revoke(account, user, caller, now);
        if (revoked.isEmpty()) {
          throw new InvalidInputException(
              user + " in " + account + " has no exemption grant to revoke");
        }
        out.println(
            "revoked the exemption of "
                + user
                + " in "
                + account
                + " (was until "
                + revoked.get().until()
                + ", granted by "
                + revoked.get().grantedBy()
                + "); the next run no longer sets its findings aside");
      } else {
        ExemptionGrant grant =
            GrantRules.grant(
                account, user, until, reason, checks, settings.maxExemptionDays(), caller, now);
        grants.grant(grant);
        out.println(
            "exempted "
                + user
                + " in "
                + account
                + " from "
                + grant.checksText()
                + " until "
                + grant.until()
                + " (granted by "
                + caller
                + " at "
                + now
                + "); the next run sets its findings aside");
      }
    }
    out.flush();
    return Main.OK;
  }
}
