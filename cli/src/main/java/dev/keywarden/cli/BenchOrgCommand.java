package dev.keywarden.cli;

import dev.keywarden.InvalidInputException;
import dev.keywarden.audit.AccountAudit;
import dev.keywarden.audit.InProcessOrgAudit;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.CallCounter;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.aws.MemberAccountClients;
import dev.keywarden.aws.OrgAuditors;
import dev.keywarden.config.OrgSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keywarden bench-org}: seeds an Organization on the emulator and prints what one
 * Organization-wide audit costs at several parallelisms. Hidden: it is for {@code bench/org-scale}.
 */
@Command(
    name = "bench-org",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Measures org-audit on the local emulator for an Organization of many accounts.")
final class BenchOrgCommand implements Callable<Integer> {
  private static final String TABLE = "keywarden-findings";

  @Spec CommandSpec spec;

  @Option(
      names = "--accounts",
      defaultValue = "50",
      description = "Member accounts (default: ${DEFAULT-VALUE}).")
  int accounts;

  @Option(
      names = "--users",
      defaultValue = "200",
      description = "IAM users per account (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(
      names = "--parallelism",
      split = ",",
      defaultValue = "1,8",
      paramLabel = "N[,N...]",
      description = "Parallelisms to measure (default: ${DEFAULT-VALUE}).")
  List<Integer> parallelisms;

  @Option(
      names = "--seed-threads",
      defaultValue = "8",
      description = "Parallel seeding requests (default: ${DEFAULT-VALUE}).")
  int seedThreads;

  @Override
  public Integer call() throws Exception {
    if (accounts < 1 || accounts > 500 || users < 1 || users > 5000) {
      throw new InvalidInputException("--accounts must be 1 to 500 and --users 1 to 5000");
    }
    for (int p : parallelisms) {
      if (p < OrgAuditCommand.MIN_PARALLELISM || p > OrgAuditCommand.MAX_PARALLELISM) {
        throw new InvalidInputException("--parallelism: " + p + " is not between 1 and 64");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    MotoServer emulator = MotoServer.shared();
    emulator.reset();
    AwsEndpoint endpoint = emulator.endpoint();
    ClientSettings settings = LocalEmulator.clientSettings(endpoint);
    out.printf(
        Locale.ROOT, "org-audit on the local emulator %s%n", LocalEmulator.machine(emulator));
    out.flush();

    out.printf(
        Locale.ROOT,
        "%d member accounts x %d users; each measurement starts from a freshly seeded Organization"
            + " and an empty findings table, as a first run would (credential reports generated, every finding new)%n%n",
        accounts,
        users);
    out.printf(
        Locale.ROOT,
        "%11s %7s %9s %12s %13s %15s%n",
        "parallelism",
        "seed s",
        "wall s",
        "accounts/min",
        "calls/account",
        "IAM calls/acct");
    out.flush();
    List<String> byOperation = new ArrayList<>();
    for (int p : parallelisms) {
      emulator.reset();
      long seedStart = System.nanoTime();
      String managementId;
      try (AwsClientFactory management = AwsClientFactory.create(settings)) {
        managementId = seedOrganization(management);
        DynamoAccountStateStore.createTable(management.dynamoDb(), TABLE);
      }
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      Settings runSettings =
          Settings.defaults()
              .withOrg(
                  new OrgSettings(
                      OrgSettings.DEFAULT_AUDIT_ROLE_NAME,
                      Optional.of("keywarden-bench"),
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(managementId),
                      Optional.empty()));
      CallCounter calls = CallCounter.create();
      double seconds;
      int completed;
      try (AwsClientFactory management = AwsClientFactory.create(settings, calls)) {
        long start = System.nanoTime();
        List<AccountAudit> results =
            InProcessOrgAudit.over(
                    OrgAuditors.create(runSettings, management, Clock.systemUTC()), p)
                .run("bench-p" + p, InProcessOrgAudit.Listener.silent());
        seconds = (System.nanoTime() - start) / 1e9;
        completed = (int) results.stream().filter(AccountAudit::ok).count();
      }
      if (completed != accounts) {
        out.printf(
            Locale.ROOT,
            "  warning: only %d of %d accounts were audited at parallelism %d%n",
            completed,
            accounts,
            p);
      }
      out.printf(
          Locale.ROOT,
          "%11d %7.1f %9.1f %12.1f %13.1f %15.1f%n",
          p,
          seedSeconds,
          seconds,
          accounts / seconds * 60,
          (double) calls.total() / accounts,
          (double) calls.total("iam") / accounts);
      out.flush();
      StringBuilder ops =
          new StringBuilder("  parallelism " + p + ", calls per account by operation:");
      SortedMap<String, Long> snapshot = calls.snapshot();
      snapshot.forEach(
          (op, count) ->
              ops.append(
                  String.format(Locale.ROOT, "%n    %-40s %8.2f", op, (double) count / accounts)));
      byOperation.add(ops.toString());
    }
    out.println();
    byOperation.forEach(out::println);
    out.flush();
    return Main.OK;
  }

  /**
   * Creates the Organization and its members, seeds them, and returns the management account's id.
   */
  private String seedOrganization(AwsClientFactory management) throws Exception {
    management.organizations().createOrganization(r -> r.featureSet("ALL"));
    List<String> members = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      String name = String.format(Locale.ROOT, "bench-%03d", i);
      members.add(
          management
              .organizations()
              .createAccount(r -> r.accountName(name).email(name + "@example.com"))
              .createAccountStatus()
              .accountId());
    }
    MemberAccountClients admin =
        MemberAccountClients.create(
            management,
            OrgSettings.enteringThrough(
                "OrganizationAccountAccessRole", Optional.of("keywarden-bench")));
    seed(admin, members);
    return admin.caller().accountId();
  }

  /**
   * Each account: {@code users} users with an active key; every fifth a person with a password, two
   * in three owned.
   */
  private void seed(MemberAccountClients admin, List<String> members) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, seedThreads));
    try {
      for (String account : members) {
        try (AwsClientFactory member = admin.forAccount(account, "seed")) {
          BenchUsers.seed(AccountSeeder.using(member.iam()), users, pool);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
