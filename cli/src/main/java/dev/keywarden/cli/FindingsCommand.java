package dev.keywarden.cli;

import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.config.Settings;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.report.StoredFindingsOutput;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keywarden findings}: what the findings table remembers of an account. */
@Command(
    name = "findings",
    mixinStandardHelpOptions = true,
    header = "What the findings table remembers of an account.",
    description =
        "Lists the findings the table holds for an account, with when each was first seen or resolved.",
    footer = {
      "",
      "Examples:",
      "  keywarden findings --status open",
      "  keywarden findings --account 123456789012 --format csv"
    })
final class FindingsCommand implements Callable<Integer> {
  enum Format {
    table,
    json,
    csv
  }

  enum Status {
    open,
    resolved,
    exempt
  }

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin ConfigOption config;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "open, resolved or exempt (default: all).")
  Status status;

  @Option(
      names = "--account",
      paramLabel = "ID",
      description = "12-digit account id (default: the credentials' account).")
  String account;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    if (account != null && !account.matches("\\d{12}")) {
      throw new dev.keywarden.InvalidInputException(
          "--account: '" + account + "' is not a 12-digit AWS account id");
    }
    Settings settings = config.settings();
    List<StoredFinding> findings;
    try (AwsClientFactory clients = AwsClientFactory.create(aws.settings())) {
      String accountId = account != null ? account : clients.callerIdentity().accountId();
      DynamoAccountStateStore store =
          DynamoAccountStateStore.builder()
              .client(clients.dynamoDb())
              .tableName(settings.run().findingsTable())
              .historyDays(settings.run().historyDays())
              .build();
      findings =
          store.findings(
              accountId,
              Optional.ofNullable(status)
                  .map(s -> FindingStatus.valueOf(s.name().toUpperCase(Locale.ROOT))));
    }
    String text =
        switch (format) {
          case table -> StoredFindingsOutput.table(findings);
          case json -> StoredFindingsOutput.json(findings);
          case csv -> StoredFindingsOutput.csv(findings);
        };
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return Main.OK;
  }
}
