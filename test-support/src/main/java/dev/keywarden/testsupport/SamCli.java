package dev.keywarden.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The AWS SAM CLI, where it is installed: {@code $KEYWARDEN_SAM}, else {@code build/sam/bin/sam} in
 * the repository (where {@code .ci/run} installs it), else {@code sam} on the PATH. Tests that need
 * it are skipped, saying why, where it is missing, except in CI (the {@code CI} variable set),
 * where they fail.
 */
public final class SamCli {
  private SamCli() {}

  /** The sam command, if installed. */
  public static Optional<Path> find() {
    String given = System.getenv("KEYWARDEN_SAM");
    if (given != null && !given.isBlank()) {
      return Optional.of(Path.of(given)).filter(Files::isExecutable);
    }
    Path local = SamTemplate.ROOT.resolve("build/sam/bin/sam");
    if (Files.isExecutable(local)) {
      return Optional.of(local);
    }
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "sam");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The sam command; skips the test (fails it in CI) when there is none. */
  public static Path require() {
    Optional<Path> sam = find();
    boolean ci = System.getenv("CI") != null && !System.getenv("CI").isBlank();
    if (sam.isEmpty() && ci) {
      throw new AssertionError(
          "CI is set but the SAM CLI is not installed: .ci/run installs it into build/sam");
    }
    Assumptions.assumeTrue(
        sam.isPresent(),
        "the SAM CLI is not installed (no $KEYWARDEN_SAM, build/sam/bin/sam or sam on"
            + " the PATH): install it with python3 -m venv build/sam && build/sam/bin/pip install aws-sam-cli");
    return sam.get();
  }

  /** What a sam command printed and how it ended. */
  public record Result(int exitCode, String output) {}

  /** Runs sam in the repository root with the extra environment, within the timeout. */
  public static Result run(Path sam, Map<String, String> env, Duration timeout, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(sam.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(SamTemplate.ROOT.toFile()).redirectErrorStream(true);
    builder.environment().put("SAM_CLI_TELEMETRY", "0");
    builder.environment().putIfAbsent("AWS_DEFAULT_REGION", "us-east-1");
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("sam " + String.join(" ", args) + " took longer than " + timeout);
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
