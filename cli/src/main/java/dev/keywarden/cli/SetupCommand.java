package dev.keywarden.cli;

import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.config.Settings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keywarden setup}: creates the findings table, only when asked. */
@Command(
    name = "setup",
    mixinStandardHelpOptions = true,
    header = "Create the findings table (for the command and the emulator).",
    description = {
      "Creates the findings table (findings-table, default keywarden-findings) in the current account, "
          + "for the command and the local emulator. In AWS, deploy template.yaml instead: it adds point-in-time "
          + "recovery, encryption and deletion protection.",
    },
    footer = {
      "",
      "Examples:",
      "  keywarden setup --endpoint-url http://127.0.0.1:5000",
      "  KEYWARDEN_FINDINGS_TABLE=kw keywarden setup --profile sandbox"
    })
final class SetupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    Settings settings = config.settings();
    String table = settings.run().findingsTable();
    PrintWriter out =
        GlobalOptions.of(spec).quiet
            ? new PrintWriter(java.io.Writer.nullWriter())
            : spec.commandLine().getOut();
    try (AwsClientFactory clients = AwsClientFactory.create(aws.settings())) {
      if (DynamoAccountStateStore.tableExists(clients.dynamoDb(), table)) {
        out.println("Table " + table + " already exists; nothing to do.");
      } else {
        DynamoAccountStateStore.createTable(clients.dynamoDb(), table);
        out.println("Created table " + table + ".");
      }
    }
    out.flush();
    return Main.OK;
  }
}
