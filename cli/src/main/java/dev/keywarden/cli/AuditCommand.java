package dev.keywarden.cli;

import dev.keywarden.audit.OfflineAudit;
import dev.keywarden.checks.AuditFindings;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.CheckRunner;
import dev.keywarden.checks.ChunkedAudit;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keywarden audit}: one account, from its live inventory or from a credential report file.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    header = "Audit one account (live, or a saved credential report offline).",
    description = {
      "Audits the account of the current AWS credentials and prints its findings.",
      "With --credential-report, audits a saved report offline: no AWS call is made, and checks that need "
          + "more than the report (tags, policies, password policy) are listed as skipped.",
    },
    footer = {
      "",
      "Examples:",
      "  keywarden audit --profile prod-audit",
      "  keywarden audit --format json > findings.json",
      "  keywarden audit --format ocsf > findings.ocsf.json   (OCSF 1.5.0 Compliance Findings)",
      "  keywarden audit --credential-report report.csv --as-of 2026-11-24",
      "  keywarden audit --profile prod-audit --fail-on high --quiet",
      "      (in CI: exit 1 on a high or critical finding, print only the findings)",
      "  AWS_ENDPOINT_URL=http://127.0.0.1:5000 keywarden audit   (an emulator)",
    })
final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin AwsOptions aws;
  @Mixin FailOnOption failOn;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "table, json, csv or ocsf (OCSF 1.5.0 Compliance Findings) (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      converter = AsOfConverter.class,
      description =
          "Evaluate the checks as of this time (default: now), e.g. 2026-11-24T09:00:00Z or 2026-11-24.")
  Instant asOf;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Thresholds file (name = value lines); KEYWARDEN_* environment variables override it.")
  Path config;

  @Option(
      names = "--credential-report",
      paramLabel = "FILE",
      description =
          "Audit this credential report (CSV from 'aws iam get-credential-report') offline.")
  Path credentialReport;

  private final Clock clock;

  AuditCommand() {
    this(Clock.systemUTC());
  }

  AuditCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    AuditPolicy policy = ConfigLoader.load(Optional.ofNullable(config));
    Instant when = asOf != null ? asOf : clock.instant();
    if (credentialReport != null) {
      try (ChunkedAudit result =
          OfflineAudit.run(credentialReport, policy, when, clock.instant())) {
        return print(result);
      }
    }
    return print(CheckRunner.run(new CheckContext(aws.readInventory(policy, clock), policy, when)));
  }

  /** Renders the audit as the format asks, then exits as --fail-on asks. */
  private int print(AuditFindings result) {
    PrintWriter out = spec.commandLine().getOut();
    boolean quiet = GlobalOptions.of(spec).quiet;
    format.render(result, format == OutputFormat.table && Terminal.colourWanted(), quiet, out);
    out.flush();
    return failOn.exitCode(result.findings());
  }
}
