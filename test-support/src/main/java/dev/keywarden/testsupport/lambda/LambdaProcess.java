package dev.keywarden.testsupport.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.SamTemplate;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A function's deployment jar in its own JVM under the AWS Lambda runtime interface client, as the
 * managed {@code java17} runtime starts it, polling a {@link RuntimeApiServer}.
 *
 * <p>As in Lambda, the deployment jar is unpacked into a task root first (a fresh temporary folder
 * standing in for {@code /var/task}), the JVM starts there with only the runtime client on its
 * class path, and the runtime client loads the function from the task root and its {@code
 * lib/*.jar}. The runtime client is not in the deployment jar (Lambda provides it): it is taken
 * from this JVM's class path, where it is a test dependency.
 */
public final class LambdaProcess implements AutoCloseable {
  /** The system property whose value is added to the function's JVM options. */
  public static final String JVM_OPTIONS = "keywarden.lambda.jvm-options";

  /** The runtime client's entry point. */
  public static final String RIC_MAIN =
      "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  /**
   * What Lambda's java17 runtime has on its own class path: the runtime client and what it needs,
   * the handler interfaces ({@code aws-lambda-java-core}) included, which it loads before the
   * function's.
   */
  private static final List<String> RIC_ARTIFACTS =
      List.of(
          "aws-lambda-java-runtime-interface-client-",
          "aws-lambda-java-serialization-",
          "utils-lite-",
          "aws-lambda-java-core-");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path taskRoot;
  private final long launchedNanos;
  private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
  private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

  private LambdaProcess(Process process, Path taskRoot, long launchedNanos) {
    this.process = process;
    this.taskRoot = taskRoot;
    this.launchedNanos = launchedNanos;
    drain(process.getInputStream(), stdout, "lambda-stdout");
    drain(process.getErrorStream(), stderr, "lambda-stderr");
  }

  /**
   * Starts this module's function as template.yaml deploys it (its deployment jar and handler),
   * with the emulator's endpoint, region and credentials in the AWS SDK's variables plus {@code
   * settings} (the function's own variables).
   */
  public static LambdaProcess startThisModule(
      AwsEndpoint endpoint, RuntimeApiServer api, Map<String, String> settings) {
    Map<String, String> env = new LinkedHashMap<>(awsEnvironment(endpoint));
    env.putAll(settings);
    return start(
        SamTemplate.ROOT.resolve(SamTemplate.deploymentJar()),
        SamTemplate.deployedHandler(),
        api,
        env);
  }

  /**
   * The AWS SDK's variables that point a function at the emulator: endpoint, region and
   * credentials.
   */
  public static Map<String, String> awsEnvironment(AwsEndpoint endpoint) {
    return Map.of(
        "AWS_ENDPOINT_URL", endpoint.endpoint().toString(),
        "AWS_REGION", endpoint.region(),
        "AWS_ACCESS_KEY_ID", endpoint.accessKeyId(),
        "AWS_SECRET_ACCESS_KEY", endpoint.secretAccessKey());
  }

  /**
   * Unpacks the deployment jar into a new task root and starts {@code java -cp <runtime client>
   * AWSLambda <handler>} there, with Lambda's environment for the given Runtime API plus {@code
   * env} (the function's own variables).
   */
  public static LambdaProcess start(
      Path deploymentJar, String handler, RuntimeApiServer api, Map<String, String> env) {
    if (!Files.isRegularFile(deploymentJar)) {
      throw new IllegalStateException(
          "no deployment jar at " + deploymentJar + ": build it with mvn package first");
    }
    Path taskRoot;
    try {
      taskRoot = Files.createTempDirectory("keywarden-task-");
    } catch (IOException e) {
      throw new UncheckedIOException("could not make a task root", e);
    }
    DeploymentPackage.extract(deploymentJar, taskRoot);
    String classPath = runtimeClientClassPath();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // The managed java17 runtime stops tiered compilation at C1 unless told otherwise; so does this
    // JVM. A function of up to 1,769 MB has less than two vCPUs, where the JVM's ergonomics pick
    // the
    // serial collector; this machine's cores would make it pick G1, which starts slower.
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
    command.addAll(extraJvmOptions());
    command.addAll(List.of("-cp", classPath, RIC_MAIN, handler));
    ProcessBuilder builder = new ProcessBuilder(command);
    // The runtime client takes the task root from its working directory, as Lambda starts it in
    // /var/task.
    builder.directory(taskRoot.toFile());
    Map<String, String> environment = builder.environment();
    environment
        .keySet()
        .removeIf(
            k -> k.startsWith("AWS_") || k.startsWith("KEYWARDEN_") || k.startsWith("LAMBDA_"));
    environment.putAll(lambdaEnvironment(handler, api, taskRoot));
    environment.putAll(env);
    try {
      long launched = System.nanoTime();
      return new LambdaProcess(builder.start(), taskRoot, launched);
    } catch (IOException e) {
      deleteTree(taskRoot);
      throw new UncheckedIOException("could not start " + java, e);
    }
  }

  /**
   * Options added to the function's JVM from the system property {@value #JVM_OPTIONS} (separated
   * by spaces), to look into a cold start, for instance {@code -Xlog:class+load:file=classes.txt}.
   */
  static List<String> extraJvmOptions() {
    String options = System.getProperty(JVM_OPTIONS, "").trim();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
  }

  /**
   * {@link System#nanoTime()} just before the JVM was launched, after the deployment jar was
   * unpacked.
   */
  public long launchedNanos() {
    return launchedNanos;
  }

  /**
   * The processor time the function's process (and any it started) has used so far: what its start
   * costs whatever else the machine runs, where wall-clock time grows with the load.
   */
  public Duration cpuTime() {
    return cpuTime(process.toHandle());
  }

  /** The processor time of a process and of its descendants, as far as the system tells it. */
  public static Duration cpuTime(ProcessHandle root) {
    return Stream.concat(Stream.of(root), root.descendants())
        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** What Lambda sets for every function; the function's own variables come on top. */
  static Map<String, String> lambdaEnvironment(
      String handler, RuntimeApiServer api, Path taskRoot) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", api.address());
    env.put("_HANDLER", handler);
    env.put("AWS_LAMBDA_FUNCTION_NAME", "keywarden-local");
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/keywarden-local");
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
    env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    return env;
  }

  /** The runtime client and what it needs, from this JVM's class path. */
  public static String runtimeClientClassPath() {
    List<String> entries =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(
                e ->
                    RIC_ARTIFACTS.stream()
                        .anyMatch(a -> Path.of(e).getFileName().toString().startsWith(a)))
            .toList();
    if (entries.stream()
        .noneMatch(e -> Path.of(e).getFileName().toString().startsWith(RIC_ARTIFACTS.get(0)))) {
      throw new IllegalStateException(
          "com.amazonaws:aws-lambda-java-runtime-interface-client is not on the class path:"
              + " add it as a test dependency of the function's module");
    }
    return entries.stream().collect(Collectors.joining(File.pathSeparator));
  }

  /** Lines the function has written to stdout so far. */
  public List<String> stdout() {
    synchronized (stdout) {
      return List.copyOf(stdout);
    }
  }

  /** Lines written to stderr so far, for a failure message. */
  public List<String> stderr() {
    synchronized (stderr) {
      return List.copyOf(stderr);
    }
  }

  /**
   * Waits until the function has written at least {@code lines} lines to stdout, or the timeout
   * passes.
   */
  public List<String> awaitStdout(int lines, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (stdout.size() < lines && System.nanoTime() < end && process.isAlive()) {
      Thread.sleep(20);
    }
    return stdout();
  }

  /**
   * As {@link #awaitStdout}, each line read as the JSON object the function's log layout writes.
   *
   * @throws AssertionError naming the line, when one is not JSON
   */
  public List<JsonNode> awaitJsonLines(int lines, Duration timeout) throws InterruptedException {
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : awaitStdout(lines, timeout)) {
      try {
        parsed.add(JSON.readTree(line));
      } catch (IOException e) {
        throw new AssertionError("stdout line is not JSON: " + line, e);
      }
    }
    return parsed;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      deleteTree(taskRoot);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder; the system cleans its temporary folder.
    }
  }

  private static void drain(InputStream in, List<String> into, String name) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  into.add(line);
                }
              } catch (IOException closed) {
                // The process ended; what was read is kept.
              }
            },
            name);
    reader.setDaemon(true);
    reader.start();
  }
}
