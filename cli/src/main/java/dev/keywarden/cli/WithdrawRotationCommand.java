package dev.keywarden.cli;

import dev.keywarden.InvalidInputException;
import dev.keywarden.aws.AccessKeyGateway;
import dev.keywarden.aws.AccountRuns;
import dev.keywarden.aws.SecretsManagerVault;
import dev.keywarden.config.Settings;
import dev.keywarden.rotate.Withdrawal;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keywarden withdraw-rotation}: undoes an assisted rotation's new key. */
@Command(
    name = "withdraw-rotation",
    mixinStandardHelpOptions = true,
    header = "Undo an assisted rotation: deactivate the new key, delete its secret.",
    description = {
      "Deactivates (never deletes) the access key that assisted rotation created for the user, deletes its secret "
          + "keywarden/access-keys/<user> with every version of its value, and records the rotation as withdrawn so "
          + "that no later run starts it again for the same old key.",
      "The old key is left as it is; if Keywarden already deactivated it, turn it back on with keywarden reactivate.",
    },
    footer = {
      "",
      "Example:",
      "  keywarden withdraw-rotation --account 123456789012 --user svc-orders \\",
      "      --reason \"the application rotates its own key\""
    })
final class WithdrawRotationCommand implements Callable<Integer> {
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
      description = "The IAM user whose rotation to withdraw.")
  String user;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why; kept in the rotation's record.")
  String reason;

  @Override
  public Integer call() {
    OwnAccount.requireId(account);
    if (!user.matches("[\\w+=,.@-]{1,64}")) {
      throw new InvalidInputException("--user: '" + user + "' is not an IAM user name");
    }
    if (reason.isBlank()) {
      throw new InvalidInputException("--reason must say why the new key is not wanted");
    }
    Settings settings = config.settings();
    return OwnAccount.act(
        spec,
        aws,
        account,
        (clients, caller) ->
            Withdrawal.create(
                    AccountRuns.rotationStore(clients, settings),
                    SecretsManagerVault.create(clients.secretsManager()),
                    AccessKeyGateway.create(clients))
                .withdraw(account, user, reason, caller.arn(), Clock.systemUTC().instant()));
  }
}
