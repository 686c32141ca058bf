package dev.keywarden.cli;

import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import dev.keywarden.audit.AccountAudit;
import dev.keywarden.audit.InProcessOrgAudit;
import dev.keywarden.audit.RunIds;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.aws.OrgAuditors;
import dev.keywarden.config.Settings;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keywarden org-audit}: the scheduled Organization-wide run in one process, with accounts
 * audited on a pool of threads instead of through the queue.
 */
@Command(
    name = "org-audit",
    mixinStandardHelpOptions = true,
    header = "The Organization-wide run in one process, account by account.",
    description = {
      "Audits every selected active account of the Organization, as the scheduled functions do: lists "
          + "the accounts (include-ous, exclude-ous, include-accounts, exclude-accounts), assumes "
          + "audit-role-name in each (with external-id) and runs the loop there, recording findings in the "
          + "findings table. Outside an Organization it audits the current account alone.",
      "The caller's own account is audited with the caller's credentials, without a role.",
    },
    footer = {
      "",
      "Exit codes: 0 every account audited (or busy with another run); 1 a finding",
      "at or above --fail-on; 2 a bad flag, file or setting; 3 some account was not",
      "audited (an account-not-audited finding says why) or AWS could not be used.",
      "3 wins over 1.",
      "",
      "Examples:",
      "  keywarden org-audit --profile management --config keywarden.properties",
      "  KEYWARDEN_EXTERNAL_ID=... keywarden org-audit --parallelism 8",
      "  keywarden org-audit --profile management --quiet --fail-on critical",
    })
final class OrgAuditCommand implements Callable<Integer> {
  static final int MIN_PARALLELISM = 1;
  static final int MAX_PARALLELISM = 64;

  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin ConfigOption config;
  @Mixin FailOnOption failOn;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "4",
      description = "Accounts audited at once, 1 to 64 (default: ${DEFAULT-VALUE}).")
  int parallelism;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    if (parallelism < MIN_PARALLELISM || parallelism > MAX_PARALLELISM) {
      throw new InvalidInputException(
          "--parallelism: "
              + parallelism
              + " is not between "
              + MIN_PARALLELISM
              + " and "
              + MAX_PARALLELISM);
    }
    Settings settings = config.settings();
    PrintWriter out = spec.commandLine().getOut();
    String runId = RunIds.forCommand(Instant.now(clock));
    List<AccountAudit> results;
    try (AwsClientFactory clients = AwsClientFactory.create(aws.settings())) {
      if (!DynamoAccountStateStore.tableExists(
          clients.dynamoDb(), settings.run().findingsTable())) {
        throw new KeywardenException(
            "the findings table "
                + settings.run().findingsTable()
                + " does not exist: create it with 'keywarden setup' (or deploy template.yaml)");
      }
      boolean quiet = GlobalOptions.of(spec).quiet;
      results =
          InProcessOrgAudit.over(OrgAuditors.create(settings, clients, clock), parallelism)
              .run(
                  runId,
                  !quiet && Terminal.interactive()
                      ? new Progress(spec.commandLine().getErr(), true)
                      : Progress.silent());
    }
    int code = report(out, runId, results, GlobalOptions.of(spec).quiet);
    if (code != Main.OK) {
      return code;
    }
    return failOn.exitCode(
        results.stream()
            .flatMap(r -> r.outcome().stream())
            .flatMap(o -> o.result().stream())
            .flatMap(r -> r.findings().stream())
            .toList());
  }

  private static int report(
      PrintWriter out, String runId, List<AccountAudit> results, boolean quiet) {
    int audited = 0;
    int busy = 0;
    int notAudited = 0;
    int failed = 0;
    for (AccountAudit r : results) {
      if (!quiet || !r.ok()) {
        out.println(r.accountId() + "  " + describe(r));
      }
      if (r.outcome().isEmpty()) {
        failed++;
      } else {
        switch (r.outcome().get().status()) {
          case COMPLETED -> audited++;
          case SKIPPED_BUSY, ALREADY_DONE -> busy++;
          case NOT_AUDITED -> notAudited++;
          case INCOMPLETE -> failed++;
        }
      }
    }
    out.printf(
        Locale.ROOT,
        (quiet ? "" : "%n")
            + "Run %s: %d accounts, %d audited, %d busy, %d not audited, %d failed.%n",
        runId,
        results.size(),
        audited,
        busy,
        notAudited,
        failed);
    out.flush();
    return results.stream().allMatch(AccountAudit::ok) ? Main.OK : Main.FAILED;
  }

  static String describe(AccountAudit r) {
    if (r.outcome().isEmpty()) {
      return "failed: " + r.error().orElseThrow();
    }
    RunOutcome o = r.outcome().get();
    return switch (o.status()) {
      case COMPLETED -> {
        var rec = o.reconciliation().orElseThrow();
        var deactivation = o.deactivation().orElseThrow();
        int deferred = o.summary().map(s -> s.deferred()).orElse(0);
        String dryRun =
            (deactivation.wouldDeactivate().isEmpty()
                    ? ""
                    : ", "
                        + deactivation.wouldDeactivate().size()
                        + " would be deactivated in enforce mode")
                + (deferred > 0
                    ? ", "
                        + deferred
                        + (deactivation.mode() == dev.keywarden.remediate.Mode.ENFORCE
                            ? ""
                            : " more would be")
                        + " deferred by the cap"
                    : "")
                + (deactivation.failed().isEmpty()
                    ? ""
                    : ", "
                        + deactivation.failed().size()
                        + " DEACTIVATION(S) FAILED (keys still"
                        + " active; the security team was alerted)");
        yield String.format(
            Locale.ROOT,
            "audited: %d open (%d new, %d resolved), %d deactivated%s, %d notices",
            o.result().orElseThrow().findings().size(),
            rec.opened(),
            rec.resolved(),
            deactivation.deactivated().size(),
            dryRun,
            o.noticesPublished().size());
      }
      case SKIPPED_BUSY -> "busy: another run is auditing it";
      case ALREADY_DONE -> "already done: this run completed it before";
      case NOT_AUDITED ->
          "not audited: " + o.summary().flatMap(s -> s.failure()).orElse("unknown reason");
      case INCOMPLETE -> "incomplete: stopped at its deadline; the next run finishes it";
    };
  }

  /**
   * Progress on stderr: one rewritten line while a person watches at a terminal; one plain line per
   * account for callers that ask for it (a log that keeps every line).
   */
  static final class Progress implements InProcessOrgAudit.Listener {
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean clearAtEnd;
    private int expected;
    private int done;

    Progress(PrintWriter err, boolean terminal) {
      this(err, terminal, false);
    }

    /**
     * With {@code clearAtEnd}, a terminal's progress line is erased when the run ends instead of
     * kept.
     */
    Progress(PrintWriter err, boolean terminal, boolean clearAtEnd) {
      this.err = err;
      this.terminal = terminal;
      this.clearAtEnd = clearAtEnd;
    }

    /** Prints nothing: for --quiet. */
    static Progress silent() {
      return new Progress(new PrintWriter(java.io.Writer.nullWriter()), false);
    }

    @Override
    public synchronized void expect(int accounts) {
      expected += accounts;
    }

    @Override
    public synchronized void done(AccountAudit result) {
      done++;
      String status =
          result
              .outcome()
              .map(
                  o ->
                      switch (o.status()) {
                        case COMPLETED -> "done";
                        case SKIPPED_BUSY -> "busy";
                        case ALREADY_DONE -> "already done";
                        case NOT_AUDITED -> "not audited";
                        case INCOMPLETE -> "incomplete";
                      })
              .orElse("failed");
      String line =
          String.format(Locale.ROOT, "[%d/%d] %s %s", done, expected, result.accountId(), status);
      if (terminal) {
        err.print("\r" + line + "\u001b[K");
      } else {
        err.println(line);
      }
      err.flush();
    }

    @Override
    public synchronized void finish() {
      if (terminal && done > 0) {
        if (clearAtEnd) {
          err.print("\r\u001b[K");
        } else {
          err.println();
        }
        err.flush();
      }
    }
  }
}
