package dev.keywarden.cli;

import dev.keywarden.aws.AccountSeeder;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DemoAccount;
import dev.keywarden.aws.IamInventoryReader;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.CheckRunner;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import dev.keywarden.inventory.AccountInventory;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keywarden demo}: the whole audit on the local emulator, with nothing to set up. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the local AWS emulator, seeds an account with realistic users, and audits it as of a few",
      "weeks from now, so that keys made today have aged. Needs python3 (the first run installs the",
      "emulator from PyPI into build/emulator).",
    },
    footer = {"", "Examples:", "  keywarden demo", "  keywarden demo --days 100 --format json"})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--days", paramLabel = "N", defaultValue = "50",
      description = "Audit as of N simulated days after the users were made (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table, json or csv (default: ${DEFAULT-VALUE}); json and csv print only the findings.")
  OutputFormat format;

  @Option(names = "--keep-running",
      description = "Leave the emulator running after the audit, and print how to point the command at it.")
  boolean keepRunning;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws InterruptedException {
    if (days < 0 || days > 3650) {
      throw new dev.keywarden.InvalidInputException("--days must be between 0 and 3650, got " + days);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = format == OutputFormat.table ? out : spec.commandLine().getErr();
    progress.println("Starting the local AWS emulator (the first run installs moto from PyPI, about a minute)...");
    progress.flush();
    MotoServer emulator = MotoServer.shared();
    emulator.reset();
    AwsEndpoint endpoint = emulator.endpoint();

    ClientSettings settings = ClientSettings.forEndpoint(
        endpoint.endpoint(), endpoint.region(), endpoint.accessKeyId(), endpoint.secretAccessKey());
    AuditPolicy policy = AuditPolicy.defaults();
    AuditResult result;
    try (AwsClientFactory clients = AwsClientFactory.create(settings)) {
      List<DemoAccount.SeededUser> users = DemoAccount.seed(AccountSeeder.using(clients.iam()), clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
      progress.println("Seeded an account on " + endpoint.endpoint() + " with " + users.size() + " users:");
      users.forEach(u -> progress.printf("  %-18s %s%n", u.name(), u.story()));
      Instant asOf = clock.instant().plus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      progress.println();
      progress.println("Auditing as of " + asOf + " (" + days + " simulated days on: today's keys are now " + days + " days old).");
      progress.println();
      progress.flush();
      AccountInventory inventory = IamInventoryReader.create(clients, policy, clock).read();
      result = CheckRunner.run(new CheckContext(inventory, policy, asOf));
    }
    out.print(format.render(result, format == OutputFormat.table && Terminal.colourWanted()));
    if (format == OutputFormat.table) {
      out.println();
      out.println("That was the local emulator. Audit a real account with: keywarden audit --profile NAME");
    }
    out.flush();
    if (keepRunning) {
      progress.println("The emulator keeps running; in another terminal:");
      progress.println("  AWS_ENDPOINT_URL=" + endpoint.endpoint() + " AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing"
          + " AWS_REGION=us-east-1 ./keywarden audit");
      progress.println("Press Ctrl-C to stop it.");
      progress.flush();
      Thread.currentThread().join();
    }
    return Main.OK;
  }
}
