package dev.keywarden.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the local AWS emulator (moto in server mode, a pinned release installed from PyPI into a
 * virtualenv) on a loopback port, so that the demo and the integration tests need neither an AWS
 * account nor a Docker engine.
 *
 * <p>The server process reads its standard input until end of file and exits then, so it dies with
 * the JVM even when the JVM is killed; a shutdown hook stops it on a normal exit too.
 */
public final class MotoServer implements AutoCloseable {
  static final String HOST = "127.0.0.1";
  static final String LAUNCHER = "keywarden_moto_launcher.py";
  static final String READY_LINE = "keywarden-moto ready";

  /** The launcher answers its test-fixture paths only when this variable is 1. */
  static final String TEST_FIXTURES_ENV = "KEYWARDEN_MOTO_TEST_FIXTURES";

  static final String ACCESS_KEY_PATH = "/keywarden-test-fixtures/access-key";

  /** The launcher's exit status when another process took the port first. */
  static final int PORT_UNAVAILABLE = 3;

  private static final int PORT_ATTEMPTS = 5;
  private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final int TAIL_LINES = 30;
  private static final Duration LOG_RETENTION = Duration.ofDays(7);

  private static final Set<MotoServer> RUNNING = ConcurrentHashMap.newKeySet();
  private static final Object HOOK_LOCK = new Object();
  private static boolean hookRegistered;
  private static MotoServer shared;

  private final MotoInstallation installation;
  private final Path installDir;
  private final String motoVersion;
  private final Map<String, String> environment;
  private final Duration startTimeout;
  private final HttpClient http;

  // Volatile so that the shutdown hook can stop the process without waiting for the lock.
  private volatile Process process;
  private volatile OutputStream processStdin;
  private AwsEndpoint endpoint;
  private Path serverLog;

  private MotoServer(Builder builder) {
    this.installDir =
        builder.installDir != null
            ? builder.installDir.toAbsolutePath().normalize()
            : EmulatorSettings.installDir(
                System::getProperty, System::getenv, System.getProperty("user.home"));
    this.motoVersion =
        builder.motoVersion != null
            ? EmulatorSettings.checkVersion(builder.motoVersion, "MotoServer.Builder.motoVersion")
            : EmulatorSettings.motoVersion(System::getProperty);
    Path python = builder.python;
    this.installation =
        new MotoInstallation(
            installDir,
            motoVersion,
            () ->
                python != null
                    ? EmulatorSettings.checkPython(python, "MotoServer.Builder.python")
                    : EmulatorSettings.python(
                        System::getProperty, System::getenv, System.getenv("PATH")));
    this.environment = Map.copyOf(builder.environment);
    this.startTimeout = builder.startTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  /** A builder whose unset settings come from system properties, the environment or the build. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The JVM-wide emulator, installed and started on first use and shared by every caller; started
   * again if it was closed or died.
   */
  public static synchronized MotoServer shared() {
    if (shared == null) {
      shared = builder().build();
    }
    shared.start();
    return shared;
  }

  /** The moto release this server installs and runs. */
  public String motoVersion() {
    return motoVersion;
  }

  /** The folder holding the virtualenvs, install logs and server logs. */
  public Path installDir() {
    return installDir;
  }

  /**
   * A command installed in the emulator's virtualenv beside moto, such as {@code cfn-lint}, which
   * moto's server extras bring; installs the virtualenv first when needed.
   */
  public Path tool(String name) {
    ensureInstalled();
    return installation.venvPython().resolveSibling(name);
  }

  /** Installs the pinned moto into its virtualenv unless a complete install is already there. */
  public void ensureInstalled() {
    installation.ensureInstalled();
  }

  /**
   * Installs moto if needed and starts it on a free loopback port; does nothing when already
   * running.
   *
   * @return where clients reach the running server
   */
  public synchronized AwsEndpoint start() {
    if (isRunning()) {
      return endpoint;
    }
    stopProcess();
    ensureInstalled();
    Path launcher = installLauncher();
    for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
      int port = freePort();
      if (launch(launcher, port)) {
        endpoint = AwsEndpoint.withDefaults(URI.create("http://" + HOST + ":" + port));
        registerForShutdown();
        return endpoint;
      }
    }
    throw new EmulatorException(
        "moto could not listen on a loopback port after "
            + PORT_ATTEMPTS
            + " attempts: other processes took each free port first. Last lines of "
            + serverLog
            + ":"
            + System.lineSeparator()
            + LogTail.of(serverLog, TAIL_LINES));
  }

  /** Whether the server process is alive. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * Where clients reach the running server.
   *
   * @throws IllegalStateException when the server is not running
   */
  public synchronized AwsEndpoint endpoint() {
    requireRunning();
    return endpoint;
  }

  /** Clears every resource in every account and region, as if the server had just started. */
  public void reset() {
    URI uri = endpoint().endpoint().resolve("/moto-api/reset");
    post(
        uri,
        HttpRequest.BodyPublishers.noBody(),
        false,
        new Phrasing(
            "Cannot reset the emulator",
            "Interrupted while resetting the emulator at " + uri,
            "refused the reset"),
        true);
  }

  /**
   * Turns the emulator's IAM enforcement on or off at once: when on, every request must be signed
   * by a real IAM principal of the emulator (a user's access key or an assumed role's session)
   * whose policies allow the call; when off (the default), any credentials work. Tests that turn it
   * on must turn it off in a {@code finally} block; {@link #reset()} does not.
   */
  public void enforceIam(boolean on) {
    URI uri = endpoint().endpoint().resolve("/moto-api/reset-auth");
    post(
        uri,
        HttpRequest.BodyPublishers.ofString(on ? "0" : "inf"),
        false,
        new Phrasing(
            "Cannot switch IAM enforcement",
            "Interrupted while switching IAM enforcement at " + uri,
            "refused to switch IAM enforcement"),
        false);
  }

  /**
   * Test fixture: sets when an access key was last used, as IAM's {@code GetAccessKeyLastUsed} and
   * the credential report then say, which no AWS API can set. Only a server built with {@link
   * Builder#testFixtures()} accepts it.
   *
   * @throws EmulatorException when the server has no test fixtures or no such key exists
   */
  public void setAccessKeyLastUsed(
      String accessKeyId, Instant lastUsed, String service, String region) {
    dateAccessKey(
        accessKeyId,
        "\"lastUsed\":\""
            + lastUsed
            + "\",\"service\":\""
            + service.replaceAll("[^a-z0-9-]", "")
            + "\",\"region\":\""
            + region.replaceAll("[^a-z0-9-]", "")
            + "\"");
  }

  /**
   * Test fixture: sets when an access key was created, as {@code ListAccessKeys} and the credential
   * report's last rotation then say. The emulator dates keys with the real time, so a key meant to
   * be 76 days old next to one created today needs this. Only a server built with {@link
   * Builder#testFixtures()} accepts it.
   *
   * @throws EmulatorException when the server has no test fixtures or no such key exists
   */
  public void setAccessKeyCreated(String accessKeyId, Instant created) {
    dateAccessKey(accessKeyId, "\"created\":\"" + created + "\"");
  }

  private void dateAccessKey(String accessKeyId, String fields) {
    if (!"1".equals(environment.get(TEST_FIXTURES_ENV))) {
      throw new EmulatorException(
          "this emulator was started without test fixtures: build it with"
              + " MotoServer.builder().testFixtures() to date an access key");
    }
    URI uri = endpoint().endpoint().resolve(ACCESS_KEY_PATH);
    String body =
        "{\"accessKeyId\":\"" + accessKeyId.replaceAll("[^A-Za-z0-9]", "") + "\"," + fields + "}";
    post(
        uri,
        HttpRequest.BodyPublishers.ofString(body),
        true,
        new Phrasing(
            "Cannot date key " + accessKeyId,
            "Interrupted while dating key " + accessKeyId,
            "refused to date key " + accessKeyId),
        false);
  }

  /** How a request to the server's own API is told in its errors. */
  private record Phrasing(String cannot, String interrupted, String refused) {}

  /**
   * POSTs {@code body} to {@code uri} on the server's own API and fails unless it answers 200;
   * {@code withLogTail} adds the server log's last lines when the server cannot be reached.
   */
  private void post(
      URI uri, HttpRequest.BodyPublisher body, boolean json, Phrasing says, boolean withLogTail) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).POST(body);
    if (json) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new EmulatorException(
          says.cannot()
              + " at "
              + uri
              + ": "
              + e.getMessage()
              + (withLogTail
                  ? ". Last lines of "
                      + serverLog
                      + ":"
                      + System.lineSeparator()
                      + LogTail.of(serverLog, TAIL_LINES)
                  : ""),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorException(says.interrupted(), e);
    }
    if (response.statusCode() != 200) {
      throw new EmulatorException(
          "The emulator at "
              + uri
              + " "
              + says.refused()
              + " with HTTP "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }

  /** Stops the server process; the server can be started again afterwards. */
  @Override
  public synchronized void close() {
    stopProcess();
    RUNNING.remove(this);
  }

  /** The running server's process, for tests that check it really stops. */
  synchronized Process process() {
    return process;
  }

  /** The log the running (or last) server process writes to. */
  synchronized Path serverLog() {
    return serverLog;
  }

  private void requireRunning() {
    if (!isRunning()) {
      throw new IllegalStateException(
          "The emulator is not running: call start() first"
              + (serverLog == null ? "" : " (last server log: " + serverLog + ")"));
    }
  }

  /** Copies the launcher next to the virtualenv; atomically, since other JVMs may be using it. */
  private Path installLauncher() {
    Path target = installation.venvDir().resolve(LAUNCHER);
    try (InputStream in = MotoServer.class.getResourceAsStream("moto_launcher.py")) {
      if (in == null) {
        throw new EmulatorException(
            "moto_launcher.py is missing from the classpath: rebuild the " + "emulator module");
      }
      byte[] script = in.readAllBytes();
      if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), script)) {
        return target;
      }
      Path temp = Files.createTempFile(installation.venvDir(), LAUNCHER, ".tmp");
      Files.write(temp, script);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the emulator launcher " + target, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(
          new InetSocketAddress(InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1}), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
    }
  }

  /** Starts the launcher on {@code port}; false when another process took the port first. */
  private boolean launch(Path launcher, int port) {
    Path logs = installDir.resolve("logs");
    serverLog = logs.resolve("moto-" + port + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                installation.venvPython().toString(),
                launcher.toString(),
                HOST,
                Integer.toString(port))
            .directory(installation.venvDir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(serverLog.toFile());
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(logs);
      pruneOldLogs(logs);
      process = builder.start();
    } catch (IOException e) {
      throw new EmulatorException(
          "Cannot start moto with "
              + installation.venvPython()
              + ": "
              + e.getMessage()
              + ". Delete "
              + installation.venvDir()
              + " to force a fresh install.",
          e);
    }
    processStdin = process.getOutputStream();
    return awaitReady(port);
  }

  /** Server logs are named by port, so they pile up; keep a week's worth for debugging. */
  private static void pruneOldLogs(Path logs) throws IOException {
    FileTime cutoff = FileTime.from(Instant.now().minus(LOG_RETENTION));
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.getLastModifiedTime(file).compareTo(cutoff) < 0) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private boolean awaitReady(int port) {
    long deadline = System.nanoTime() + startTimeout.toNanos();
    URI root = URI.create("http://" + HOST + ":" + port + "/");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        int status = process.exitValue();
        if (status == PORT_UNAVAILABLE) {
          stopProcess();
          return false;
        }
        stopProcess();
        throw new EmulatorException(
            "moto exited with status "
                + status
                + " before answering "
                + "on "
                + root
                + ". Last lines of "
                + serverLog
                + ":"
                + System.lineSeparator()
                + LogTail.of(serverLog, TAIL_LINES));
      }
      // The ready line comes after the bind, so the answer below is from this process.
      if (logSaysReady() && answers(root)) {
        return true;
      }
      sleep(Duration.ofMillis(100));
    }
    stopProcess();
    throw new EmulatorException(
        "moto did not answer on "
            + root
            + " within "
            + startTimeout.toSeconds()
            + " s. Last lines of "
            + serverLog
            + ":"
            + System.lineSeparator()
            + LogTail.of(serverLog, TAIL_LINES));
  }

  private boolean logSaysReady() {
    try {
      return Files.readString(serverLog, StandardCharsets.ISO_8859_1).contains(READY_LINE);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + serverLog, e);
    }
  }

  private boolean answers(URI uri) {
    try {
      http.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopProcess();
      throw new EmulatorException("Interrupted while waiting for moto on " + uri, e);
    }
  }

  /** Closes stdin (the launcher exits on end of file), then escalates if it does not. */
  private void stopProcess() {
    Process current = process;
    if (current == null) {
      return;
    }
    try {
      try {
        OutputStream stdin = processStdin;
        if (stdin != null) {
          stdin.close();
        }
      } catch (IOException e) {
        // The pipe is already gone, which is what closing it was for.
      }
      if (!current.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        current.destroy();
        if (!current.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          current.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      current.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      process = null;
      processStdin = null;
      endpoint = null;
    }
  }

  private void registerForShutdown() {
    RUNNING.add(this);
    synchronized (HOOK_LOCK) {
      if (!hookRegistered) {
        Runtime.getRuntime().addShutdownHook(new Thread(MotoServer::stopAll, "moto-server-stop"));
        hookRegistered = true;
      }
    }
  }

  /** Stops every running server at JVM exit without taking their locks, which may be held. */
  private static void stopAll() {
    for (MotoServer server : RUNNING) {
      Process current = server.process;
      OutputStream stdin = server.processStdin;
      if (current == null) {
        continue;
      }
      try {
        if (stdin != null) {
          stdin.close();
        }
      } catch (IOException e) {
        // Already closed: the launcher has seen end of file.
      }
      current.destroy();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmulatorException("Interrupted while waiting for moto to start", e);
    }
  }

  /** Settings for one {@link MotoServer}; anything left unset is resolved when it is built. */
  public static final class Builder {
    private Path installDir;
    private Path python;
    private String motoVersion;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration startTimeout = DEFAULT_START_TIMEOUT;

    private Builder() {}

    /** Folder for the virtualenvs and logs; default from {@code keywarden.emulator.dir}. */
    public Builder installDir(Path installDir) {
      this.installDir = Objects.requireNonNull(installDir, "installDir");
      return this;
    }

    /** Python 3 interpreter that creates the virtualenv; default from {@code keywarden.python}. */
    public Builder python(Path python) {
      this.python = Objects.requireNonNull(python, "python");
      return this;
    }

    /** moto release to install; default from {@code keywarden.moto.version} or the build. */
    public Builder motoVersion(String motoVersion) {
      this.motoVersion = Objects.requireNonNull(motoVersion, "motoVersion");
      return this;
    }

    /**
     * An environment variable for the moto process, such as {@code INITIAL_NO_AUTH_ACTION_COUNT} or
     * {@code MOTO_ENABLE_RECORDING}.
     */
    public Builder environment(String name, String value) {
      environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Gives the server its test fixtures (see {@link MotoServer#setAccessKeyLastUsed} and {@link
     * MotoServer#setAccessKeyCreated}); for tests only, never for the demo. A server without them
     * answers none of their paths.
     */
    public Builder testFixtures() {
      return environment(TEST_FIXTURES_ENV, "1");
    }

    /** How long to wait for the server to answer HTTP after launching it; default 60 s. */
    public Builder startTimeout(Duration startTimeout) {
      if (startTimeout.isNegative() || startTimeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
      }
      this.startTimeout = startTimeout;
      return this;
    }

    public MotoServer build() {
      return new MotoServer(this);
    }
  }
}
