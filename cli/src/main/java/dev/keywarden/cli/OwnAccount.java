package dev.keywarden.cli;

import dev.keywarden.InvalidInputException;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.CallerIdentity;
import java.io.PrintWriter;
import java.util.function.BiFunction;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command that works on the account it is given with the caller's own credentials checks
 * first, so that a mistyped id or a profile for another account changes nothing.
 */
final class OwnAccount {
  private OwnAccount() {}

  /** Fails, before any call to AWS, on an {@code --account} that is not a 12-digit id. */
  static void requireId(String account) {
    if (!account.matches("\\d{12}")) {
      throw new InvalidInputException(
          "--account: '" + account + "' is not a 12-digit AWS account id");
    }
  }

  /**
   * Runs {@code action} on clients for the caller's credentials, once they are shown to be {@code
   * account}'s, and prints the line it returns: the whole of a command that changes one thing in
   * its own account.
   */
  static int act(
      CommandSpec spec,
      AwsOptions aws,
      String account,
      BiFunction<AwsClientFactory, CallerIdentity, String> action) {
    String done;
    try (AwsClientFactory clients = AwsClientFactory.create(aws.settings())) {
      done = action.apply(clients, caller(clients, account));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(done);
    out.flush();
    return Main.OK;
  }

  /** The caller, once its credentials are shown to be {@code account}'s; fails otherwise. */
  static CallerIdentity caller(AwsClientFactory clients, String account) {
    CallerIdentity caller = clients.callerIdentity();
    if (!caller.accountId().equals(account)) {
      throw new InvalidInputException(
          "--account "
              + account
              + " is not the account of these credentials ("
              + caller.accountId()
              + "); use credentials (a profile) for account "
              + account);
    }
    return caller;
  }
}
