package dev.keywarden.cli;

import dev.keywarden.InvalidInputException;
import dev.keywarden.aws.AccountRuns;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.CallCounter;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.aws.IamInventoryReader;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.CheckRunner;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.config.SecurityHubSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import dev.keywarden.inventory.AccountInventory;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keywarden bench audit}: seeds accounts of several sizes on the emulator and prints what
 * one audit of each costs, then what two whole runs (the first, and one with nothing changed) cost
 * in DynamoDB, SNS and Security Hub calls. Hidden: it is for {@code bench/audit-scale}, not for
 * users.
 */
@Command(
    name = "bench",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Measures one account audit on the local emulator for several account sizes.")
final class BenchCommand implements Callable<Integer> {
  private static final Set<String> WRITES =
      Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");

  @Spec CommandSpec spec;

  @Option(
      names = "--users",
      split = ",",
      defaultValue = "100,1000,5000",
      paramLabel = "N[,N...]",
      description = "Account sizes to measure (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(
      names = "--roles",
      defaultValue = "300",
      paramLabel = "N",
      description = "Roles in every measured account (default: ${DEFAULT-VALUE}).")
  int roles;

  @Option(
      names = "--seed-threads",
      defaultValue = "4",
      description = "Parallel seeding requests (default: ${DEFAULT-VALUE}).")
  int seedThreads;

  @Override
  public Integer call() throws Exception {
    for (int n : sizes) {
      if (n < 1 || n > 20_000) {
        throw new InvalidInputException("--users: " + n + " is not between 1 and 20000");
      }
    }
    if (roles < 0 || roles > 5_000) {
      throw new InvalidInputException("--roles: " + roles + " is not between 0 and 5000");
    }
    PrintWriter out = spec.commandLine().getOut();
    MotoServer emulator = MotoServer.shared();
    AwsEndpoint endpoint = emulator.endpoint();
    ClientSettings settings = LocalEmulator.clientSettings(endpoint);
    out.printf(
        Locale.ROOT,
        "Account audit on the local emulator %s, %d roles per account%n",
        LocalEmulator.machine(emulator),
        roles);
    out.printf(
        Locale.ROOT,
        "%7s %10s %10s %10s %9s %10s %12s  %s%n",
        "users",
        "seed s",
        "audit s",
        "findings",
        "IAM calls",
        "STS calls",
        "peak heap MiB",
        "calls by operation");
    out.flush();
    List<List<String>> wholeRuns = new ArrayList<>();
    for (int n : sizes) {
      emulator.reset();
      long seedStart = System.nanoTime();
      try (AwsClientFactory seeding = AwsClientFactory.create(settings)) {
        seed(AccountSeeder.using(seeding.iam()), n);
      }
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

      CallCounter counter = CallCounter.create();
      LocalEmulator.resetPeakHeap();
      long start = System.nanoTime();
      AuditResult result;
      try (AwsClientFactory clients = AwsClientFactory.create(settings, counter)) {
        AuditPolicy policy = AuditPolicy.defaults();
        AccountInventory inventory =
            IamInventoryReader.create(clients, policy, Clock.systemUTC()).read();
        result =
            CheckRunner.run(
                new CheckContext(
                    inventory, policy, Clock.systemUTC().instant().plus(Duration.ofDays(100))));
      }
      double auditSeconds = (System.nanoTime() - start) / 1e9;
      long peakHeap = LocalEmulator.peakHeapMiB();
      StringBuilder ops = new StringBuilder();
      for (Map.Entry<String, Long> e : counter.snapshot().entrySet()) {
        ops.append(ops.length() == 0 ? "" : ", ")
            .append(e.getKey())
            .append('=')
            .append(e.getValue());
      }
      out.printf(
          Locale.ROOT,
          "%7d %10.1f %10.2f %10d %9d %10d %12d  %s%n",
          n,
          seedSeconds,
          auditSeconds,
          result.findings().size(),
          counter.total("iam"),
          counter.total("sts"),
          peakHeap,
          ops);
      out.flush();
      wholeRuns.add(wholeRuns(settings, n));
    }
    out.printf(
        Locale.ROOT,
        "%nThe whole run (lease, inventory, checks, reconcile, Security Hub export, notices, summary) in "
            + "dry-run mode, into a DynamoDB table, an SNS topic and Security Hub: the first run of the account, then a second run "
            + "with nothing changed%n");
    out.printf(
        Locale.ROOT,
        "%7s %7s %8s %10s %10s %10s %10s %9s %11s %12s  %s%n",
        "users",
        "run",
        "wall s",
        "IAM calls",
        "DDB calls",
        "DDB writes",
        "SNS calls",
        "SH calls",
        "SH findings",
        "peak heap MiB",
        "DynamoDB calls by operation");
    wholeRuns.forEach(lines -> lines.forEach(out::println));
    out.flush();
    return Main.OK;
  }

  /**
   * Two whole runs of the seeded account: the first (every finding new) and one that finds nothing
   * changed.
   */
  private static List<String> wholeRuns(ClientSettings settings, int users) {
    List<String> lines = new ArrayList<>();
    try (AwsClientFactory setup = AwsClientFactory.create(settings)) {
      Settings runSettings =
          ConfigLoader.loadSettings(
              Optional.empty(),
              Map.of(
                  "KEYWARDEN_NOTICES_TOPIC_ARN",
                  setup.sns().createTopic(r -> r.name("keywarden-notices")).topicArn()));
      DynamoAccountStateStore.createTable(setup.dynamoDb(), runSettings.run().findingsTable());
      SecurityHubSettings product =
          SecurityHubSettings.forAccount(
              setup.sts().getCallerIdentity().account(), setup.region().id());
      for (String run : List.of("first", "steady")) {
        CallCounter counter = CallCounter.create();
        LocalEmulator.resetPeakHeap();
        long start = System.nanoTime();
        try (AwsClientFactory clients = AwsClientFactory.create(settings, counter)) {
          AccountInventory inventory =
              IamInventoryReader.create(clients, runSettings.audit(), Clock.systemUTC()).read();
          AccountRuns.create(clients, clients, runSettings, Clock.systemUTC(), Optional.of(product))
              .run(inventory, "run-bench-" + run);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakHeap = LocalEmulator.peakHeapMiB();
        Map<String, Long> dynamo = new TreeMap<>();
        counter
            .snapshot()
            .forEach(
                (op, count) -> {
                  if (op.toLowerCase(Locale.ROOT).startsWith("dynamodb:")) {
                    dynamo.put(op.substring(op.indexOf(':') + 1), count);
                  }
                });
        long writes =
            dynamo.entrySet().stream()
                .filter(e -> WRITES.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
        long held =
            setup.securityHub().getFindingsPaginator(r -> r.maxResults(100)).findings().stream()
                .count();
        lines.add(
            String.format(
                Locale.ROOT,
                "%7d %7s %8.2f %10d %10d %10d %10d %9d %11d %12d  %s",
                users,
                run,
                seconds,
                counter.total("iam"),
                counter.total("dynamodb"),
                writes,
                counter.total("sns"),
                counter.total("securityhub"),
                held,
                peakHeap,
                dynamo));
      }
    }
    return lines;
  }

  private void seed(AccountSeeder seeder, int n) throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, seedThreads));
    try {
      BenchUsers.seed(seeder, n, pool);
      BenchUsers.seedRoles(seeder, roles, pool);
    } finally {
      pool.shutdownNow();
    }
  }
}
