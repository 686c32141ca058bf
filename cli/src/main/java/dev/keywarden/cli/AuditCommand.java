package dev.keywarden.cli;

import dev.keywarden.InvalidInputException;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.CheckRunner;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::(\\d{12}):");

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
    AccountInventory inventory =
        credentialReport != null
            ? offlineInventory(credentialReport, clock.instant())
            : aws.readInventory(policy, clock);
    AuditResult result = CheckRunner.run(new CheckContext(inventory, policy, when));
    boolean quiet = GlobalOptions.of(spec).quiet;
    spec.commandLine()
        .getOut()
        .print(
            format.render(result, format == OutputFormat.table && Terminal.colourWanted(), quiet));
    spec.commandLine().getOut().flush();
    return failOn.exitCode(result.findings());
  }

  private AccountInventory offlineInventory(Path file, Instant now) {
    CredentialReport report = CredentialReportParser.parse(readText(file), file.toString(), now);
    String accountId =
        report
            .root()
            .or(() -> report.users().stream().findFirst())
            .map(row -> ACCOUNT_IN_ARN.matcher(row.arn()))
            .filter(Matcher::find)
            .map(m -> m.group(1))
            .orElse("000000000000");
    return AccountInventory.offline(accountId, clock.instant(), report);
  }

  /**
   * Reads a whole file as strict UTF-8, naming the file in every failure; read straight into one
   * string (no intermediate copies), so that a large report needs little more heap than its size.
   */
  static String readText(Path file) {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(file + " is a directory, not a credential report file");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file + " does not exist");
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(file + " is not UTF-8 text: not a credential report");
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
