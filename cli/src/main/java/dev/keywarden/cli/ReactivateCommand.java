package dev.keywarden.cli;

import dev.keywarden.InvalidInputException;
import dev.keywarden.aws.AccessKeyGateway;
import dev.keywarden.aws.AccountRuns;
import dev.keywarden.config.Settings;
import dev.keywarden.remediate.Reactivator;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keywarden reactivate}: undoes one deactivation, logged like the deactivation was. */
@Command(
    name = "reactivate",
    mixinStandardHelpOptions = true,
    header = "Undo a deactivation: turn a key back on, logged.",
    description = {
      "Turns a key that Keywarden deactivated back on, and records who did it and why in the action log.",
      "The next enforce run deactivates it again while it is past its limit, unless the security team grants the user "
          + "an exemption (keywarden exempt).",
      "It refuses when IAM shows a change since the deactivation that Keywarden did not make (the key is active again, "
          + "or was used after it was switched off): find out who, or pass --force.",
    },
    footer = {
      "",
      "Example:",
      "  keywarden reactivate --account 123456789012 --user svc-payments \\",
      "      --key AKIAEXAMPLE --reason \"batch needs one more day\""
    })
final class ReactivateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin ConfigOption config;

  @Option(
      names = "--account",
      required = true,
      paramLabel = "ID",
      description = "The key's 12-digit account id.")
  String account;

  @Option(
      names = "--user",
      required = true,
      paramLabel = "NAME",
      description = "The key's IAM user.")
  String user;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEYID",
      description = "The access key id, e.g. AKIA...")
  String key;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why; kept in the action log.")
  String reason;

  @Option(
      names = "--force",
      description =
          "Reactivate even when IAM shows a change since the deactivation that Keywarden"
              + " did not make (the key is active again, or was used after it was switched off); logged with a warning.")
  boolean force;

  @Override
  public Integer call() {
    OwnAccount.requireId(account);
    if (!key.matches("[A-Z0-9]{16,128}")) {
      throw new InvalidInputException(
          "--key: '" + key + "' is not an access key id (16 or more capital letters and digits)");
    }
    if (reason.isBlank()) {
      throw new InvalidInputException("--reason must say why the key is turned back on");
    }
    Settings settings = config.settings();
    return OwnAccount.act(
        spec,
        aws,
        account,
        (clients, caller) ->
            Reactivator.create(
                    AccountRuns.store(clients, settings), AccessKeyGateway.create(clients))
                .reactivate(
                    account, user, key, reason, caller.arn(), Clock.systemUTC().instant(), force)
                .message());
  }
}
