package dev.keywarden.cli;

import dev.keywarden.KeywardenException;
import dev.keywarden.audit.RunIds;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.aws.AccountRuns;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.aws.IamInventoryReader;
import dev.keywarden.config.Settings;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.remediate.DeactivatedKey;
import dev.keywarden.remediate.DeactivationReport;
import dev.keywarden.remediate.PlannedDeactivation;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code keywarden run}: one run of the unattended loop for the current account, as the scheduled
 * function does.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "One run of the unattended loop for the current account.",
    description = {
      "Audits the current account and acts on it: records findings in the findings table, deactivates "
          + "expired keys when mode = enforce (a dry run only reports them), and sends owners' notices when "
          + "notices-topic-arn is set. Create the table first with 'keywarden setup' or template.yaml.",
    },
    footer = {
      "",
      "Examples:",
      "  keywarden run --config keywarden.properties",
      "  KEYWARDEN_MODE=enforce KEYWARDEN_NOTICES_TOPIC_ARN=arn:aws:sns:... \\",
      "      keywarden run --profile audit",
      "  keywarden run --profile audit --quiet --fail-on critical",
      "      (from cron: the run's one-line summary, exit 1 on a critical finding)"
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin ConfigOption config;
  @Mixin FailOnOption failOn;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    Settings settings = config.settings();
    PrintWriter out = spec.commandLine().getOut();
    String runId = RunIds.forCommand(Instant.now(clock));
    RunOutcome outcome;
    try (AwsClientFactory clients = AwsClientFactory.create(aws.settings())) {
      if (!DynamoAccountStateStore.tableExists(
          clients.dynamoDb(), settings.run().findingsTable())) {
        throw new KeywardenException(
            "the findings table "
                + settings.run().findingsTable()
                + " does not exist: create it with 'keywarden setup' (or deploy template.yaml)");
      }
      WaitLine wait = WaitLine.onTerminal();
      AccountInventory inventory =
          wait.during(
              "Reading the account's IAM inventory (credential report, users, policies)",
              () -> IamInventoryReader.create(clients, settings.audit(), clock).read());
      StepLine steps = new StepLine("Account " + inventory.accountId() + ": starting the run");
      outcome =
          wait.during(
              steps::current,
              () -> AccountRuns.create(clients, settings, clock, steps).run(inventory, runId));
    }
    if (outcome.status() == RunOutcome.Status.ALREADY_DONE) {
      out.println(
          "Run "
              + outcome.runId()
              + " already completed account "
              + outcome.accountId()
              + "; nothing was done again.");
      out.flush();
      return Main.OK;
    }
    if (outcome.status() == RunOutcome.Status.SKIPPED_BUSY) {
      out.println(
          "Another run is working on account " + outcome.accountId() + "; this one did nothing.");
      out.flush();
      return Main.OK;
    }
    boolean quiet = GlobalOptions.of(spec).quiet;
    if (!quiet) {
      out.print(OutputFormat.table.render(outcome.result().orElseThrow(), Terminal.colourWanted()));
      out.println();
    }
    var r = outcome.reconciliation().orElseThrow();
    out.printf(
        "Run %s: %d new, %d still open, %d resolved, %d exempt.%n",
        runId, r.opened(), r.stillOpen(), r.resolved(), r.exempt());
    DeactivationReport d = outcome.deactivation().orElseThrow();
    if (settings.run().enforce()) {
      for (DeactivatedKey k : d.deactivated()) {
        out.println(
            "Deactivated "
                + k.accessKeyId()
                + " of "
                + k.userName()
                + " (access_key_"
                + k.slot()
                + ").");
      }
      d.failed().forEach(f -> out.println("Could not deactivate: " + f));
    } else {
      for (PlannedDeactivation k : d.wouldDeactivate()) {
        out.println(
            "Dry run: would deactivate access_key_"
                + k.slot()
                + " of "
                + k.userName()
                + " (deadline "
                + k.deadline()
                + ").");
      }
      dev.keywarden.audit.DryRunLines.deferred(outcome, settings.run().deactivationCap())
          .ifPresent(out::println);
      if (!d.wouldDeactivate().isEmpty() && !quiet) {
        out.println("Set mode = enforce to deactivate them.");
      }
    }
    if (!quiet) {
      out.println(
          settings.run().noticesTopicArn().isPresent()
              ? outcome.noticesPublished().size() + " notices published."
              : "No notices: notices-topic-arn is not set.");
    }
    if (!d.failed().isEmpty()) {
      out.println(
          d.failed().size()
              + (d.failed().size() == 1 ? " deactivation" : " deactivations")
              + " failed: the key"
              + (d.failed().size() == 1 ? " is" : "s are")
              + " still active, recorded as deactivation-failed findings, and the"
              + " security team was alerted (when security-topic-arn is set).");
      out.flush();
      return Main.FAILED;
    }
    out.flush();
    return failOn.exitCode(outcome.result().orElseThrow().findings());
  }
}
