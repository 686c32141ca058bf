package dev.keywarden.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level command; its subcommands do the work. */
@Command(
    name = "keywarden",
    mixinStandardHelpOptions = true,
    versionProvider = KeywardenCommand.Version.class,
    description =
        "Audits IAM users, access keys and root credentials against rotation and CIS rules.",
    subcommands = {
      AuditCommand.class,
      RunCommand.class,
      OrgAuditCommand.class,
      FindingsCommand.class,
      ReportCommand.class,
      ReactivateCommand.class,
      WithdrawRotationCommand.class,
      ExemptCommand.class,
      SetupCommand.class,
      ChecksCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      BenchOrgCommand.class
    },
    footer = {
      "",
      "--quiet and --verbose work before or after any subcommand. Output that does",
      "not go to a terminal (or with NO_COLOR set) has no colour and no progress.",
      "",
      "Exit codes:",
      "  0  done (and no finding at or above --fail-on, when given)",
      "  1  findings at or above --fail-on SEVERITY (audit, run, org-audit;",
      "     without --fail-on, findings never change the exit code)",
      "  2  a bad flag, file or setting: nothing was done",
      "  3  AWS or the emulator could not be used (credentials, permissions,",
      "     network), or an account could not be audited",
      "",
      "Examples:",
      "  keywarden demo                    the whole pipeline, locally",
      "  keywarden audit --profile prod --fail-on high",
      "  keywarden org-audit --profile management --config keywarden.properties",
      "  keywarden COMMAND --help          a command's options and examples",
    })
public final class KeywardenCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.Mixin GlobalOptions global = new GlobalOptions();

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version the build stamped into the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = KeywardenCommand.class.getPackage().getImplementationVersion();
      return new String[] {"keywarden " + (version == null ? "(development build)" : version)};
    }
  }
}
