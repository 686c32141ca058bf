package dev.keywarden.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level command; its subcommands do the work. */
@Command(
    name = "keywarden",
    mixinStandardHelpOptions = true,
    versionProvider = KeywardenCommand.Version.class,
    description = "Audits IAM users, access keys and root credentials against rotation and CIS rules.",
    subcommands = {AuditCommand.class, RunCommand.class, OrgAuditCommand.class, FindingsCommand.class, ReportCommand.class, ReactivateCommand.class, SetupCommand.class, ChecksCommand.class, DemoCommand.class, BenchCommand.class, BenchOrgCommand.class},
    footer = {
      "",
      "Exit codes: 0 done, 1 findings at or above --fail-on, 2 bad flag, file or setting,",
      "3 AWS or the emulator could not be used.",
    })
public final class KeywardenCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

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
