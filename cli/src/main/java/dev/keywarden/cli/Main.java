package dev.keywarden.cli;

import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import dev.keywarden.aws.AwsErrors;
import dev.keywarden.emulator.EmulatorException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;

/**
 * Entry point of the {@code keywarden} command: runs a subcommand and turns failures into exit
 * codes.
 */
public final class Main {
  /** Exit code: the command did what was asked. */
  public static final int OK = 0;

  /** Exit code: findings at or above the {@code --fail-on} severity. */
  public static final int FINDINGS = 1;

  /** Exit code: a bad flag, file or setting; nothing was done. */
  public static final int BAD_INPUT = 2;

  /** Exit code: AWS or the emulator could not be used (credentials, permissions, network). */
  public static final int FAILED = 3;

  private Main() {}

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true),
            new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true)));
  }

  /** Runs the command with the given streams; what tests call. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine(out, err);
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      err.println(
          "keywarden: out of memory ("
              + e.getMessage()
              + "); give Java more heap, such as KEYWARDEN_JAVA_OPTS=-Xmx2g");
      return FAILED;
    } catch (StackOverflowError | LinkageError e) {
      err.println(
          "keywarden: internal error ("
              + e.getClass().getSimpleName()
              + "); nothing more was done");
      return FAILED;
    }
  }

  /** The endpoint the failed command's calls went to, when one was given, to name it. */
  private static java.util.Optional<String> endpoint(CommandLine bad) {
    java.net.URI flag =
        bad.getParseResult() == null
            ? null
            : bad.getParseResult().matchedOptionValue("--endpoint-url", (java.net.URI) null);
    if (flag != null) {
      return java.util.Optional.of(flag.toString());
    }
    return java.util.Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL"));
  }

  /** Applies the global options, runs the subcommand, and restores the logging level afterwards. */
  private static int execute(CommandLine.ParseResult parseResult) {
    CommandLine root = parseResult.commandSpec().commandLine();
    GlobalOptions global = ((KeywardenCommand) root.getCommand()).global;
    Level before = global.applyLogging(root.getCommandSpec());
    try {
      return new CommandLine.RunLast().execute(parseResult);
    } finally {
      Configurator.setRootLevel(before);
    }
  }

  private static String oneLine(String message) {
    String text = message == null ? "no message" : message.replaceAll("\\s+", " ").strip();
    return text.length() <= 300 ? text : text.substring(0, 297) + "...";
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new KeywardenCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionStrategy(Main::execute);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine bad = e.getCommandLine();
          bad.getErr().println("keywarden: " + e.getMessage());
          bad.getErr().println("Try '" + bad.getCommandSpec().qualifiedName() + " --help'.");
          return BAD_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (e, bad, parseResult) -> {
          if (e instanceof InvalidInputException) {
            bad.getErr().println("keywarden: " + e.getMessage());
            return BAD_INPUT;
          }
          if (e instanceof dev.keywarden.audit.RunInterrupted interrupted) {
            Throwable cause = interrupted.getCause();
            bad.getErr()
                .println(
                    "keywarden: "
                        + interrupted.done()
                        + "; the next run finishes the rest. It stopped because "
                        + AwsErrors.explain(cause, endpoint(bad))
                            .orElse(oneLine(cause.getMessage())));
            return FAILED;
          }
          java.util.Optional<String> aws = AwsErrors.explain(e, endpoint(bad));
          if (aws.isPresent()) {
            bad.getErr().println("keywarden: " + aws.get());
            return FAILED;
          }
          if (e instanceof KeywardenException || e instanceof EmulatorException) {
            bad.getErr().println("keywarden: " + e.getMessage());
            return FAILED;
          }
          if (((KeywardenCommand) cli.getCommand()).global.verbose) {
            bad.getErr()
                .println(
                    "keywarden: internal error ("
                        + e.getClass().getSimpleName()
                        + ": "
                        + e.getMessage()
                        + ")");
            e.printStackTrace(bad.getErr());
          } else {
            bad.getErr()
                .println(
                    "keywarden: internal error ("
                        + e.getClass().getSimpleName()
                        + ": "
                        + oneLine(e.getMessage())
                        + "); run again with --verbose for the stack trace");
          }
          return FAILED;
        });
    return cli;
  }
}
