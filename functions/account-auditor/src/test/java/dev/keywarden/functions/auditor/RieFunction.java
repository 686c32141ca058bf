package dev.keywarden.functions.auditor;

import dev.keywarden.testsupport.lambda.DeploymentPackage;
import dev.keywarden.testsupport.lambda.LambdaProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One function under AWS's Lambda Runtime Interface Emulator ({@code aws-lambda-rie}, built from
 * its Go module), which starts the real Java runtime interface client with the function's jar
 * unpacked as its task root: the same JVM command as the project's harness, but AWS's Runtime API
 * and its lazy initialisation (the first invocation starts the JVM).
 */
final class RieFunction implements AutoCloseable {
  private final Process rie;
  private final Path taskRoot;
  private final URI invocations;
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());
  private final HttpClient http = HttpClient.newHttpClient();

  private RieFunction(Process rie, Path taskRoot, int port) {
    this.rie = rie;
    this.taskRoot = taskRoot;
    this.invocations =
        URI.create("http://127.0.0.1:" + port + "/2015-03-31/functions/function/invocations");
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(rie.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
              } catch (IOException ignored) {
                // The emulator has stopped.
              }
            },
            "rie-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Unpacks the jar and starts the emulator around {@code java ... AWSLambda handler}; the JVM
   * starts on the first invocation.
   */
  static RieFunction start(
      Path rieBinary, Path deploymentJar, String handler, int memoryMb, Map<String, String> env)
      throws IOException, InterruptedException {
    Path taskRoot = Files.createTempDirectory("keywarden-rie-task-");
    DeploymentPackage.extract(deploymentJar, taskRoot);
    int port = freePort();
    int runtimeApi = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                rieBinary.toString(),
                "--runtime-interface-emulator-address",
                "127.0.0.1:" + port,
                "--runtime-api-address",
                "127.0.0.1:" + runtimeApi,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                LambdaProcess.runtimeClientClassPath(),
                LambdaProcess.RIC_MAIN,
                handler));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment
        .keySet()
        .removeIf(
            k -> k.startsWith("AWS_") || k.startsWith("KEYWARDEN_") || k.startsWith("LAMBDA_"));
    environment.put("AWS_LAMBDA_FUNCTION_NAME", "keywarden-rie");
    environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
    environment.put("AWS_LAMBDA_FUNCTION_TIMEOUT", "900");
    environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
    environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    environment.putAll(env);
    RieFunction function = new RieFunction(builder.start(), taskRoot, port);
    function.awaitListening(port, Duration.ofSeconds(20));
    return function;
  }

  /** The processor time the emulator and the function's JVM have used so far. */
  Duration cpuTime() {
    return LambdaProcess.cpuTime(rie.toHandle());
  }

  /** Invokes the function; the answer's body, or an exception when the function failed. */
  String invoke(String event) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(invocations)
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || response.body().contains("\"errorType\"")) {
      throw new IllegalStateException(
          "the function failed under the runtime emulator: "
              + response.statusCode()
              + " "
              + response.body()
              + "\n"
              + String.join("\n", output));
    }
    return response.body();
  }

  private void awaitListening(int port, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!rie.isAlive()) {
        throw new IllegalStateException("aws-lambda-rie stopped: " + String.join("\n", output));
      }
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException(
        "aws-lambda-rie did not listen on " + port + " within " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    rie.descendants().forEach(ProcessHandle::destroyForcibly);
    rie.destroyForcibly();
    try {
      rie.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> paths = Files.walk(taskRoot)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
