package dev.keywarden.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Installs the pinned moto for real (once per build dir) and runs it. */
class MotoServerIT {
  private MotoServer server;

  @BeforeAll
  static void install() {
    MotoServer.builder().build().ensureInstalled();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private MotoInstallation installation(MotoServer owner) {
    return new MotoInstallation(
        owner.installDir(),
        owner.motoVersion(),
        () -> {
          throw new AssertionError("an installed emulator needs no interpreter");
        });
  }

  @Test
  void ensureInstalled_whenAlreadyInstalled_leavesInstallUntouched() throws IOException {
    server = MotoServer.builder().build();
    MotoInstallation installation = installation(server);
    FileTime marker = Files.getLastModifiedTime(installation.marker());
    FileTime log = Files.getLastModifiedTime(installation.installLog());

    server.ensureInstalled();

    assertThat(Files.getLastModifiedTime(installation.marker())).isEqualTo(marker);
    assertThat(Files.getLastModifiedTime(installation.installLog())).isEqualTo(log);
  }

  @Test
  void datingAKey_withTestFixtures_isWhatIamThenReports() throws Exception {
    server = MotoServer.builder().testFixtures().build();
    AwsEndpoint endpoint = server.start();
    IamQuery.call(endpoint, "CreateUser", "UserName=svc-fixture");
    String created = IamQuery.call(endpoint, "CreateAccessKey", "UserName=svc-fixture").body();
    String keyId = created.replaceAll("(?s).*<AccessKeyId>([A-Z0-9]+)</AccessKeyId>.*", "$1");

    server.setAccessKeyLastUsed(
        keyId, java.time.Instant.parse("2031-05-06T07:08:09Z"), "s3", "eu-west-1");

    String lastUsed =
        IamQuery.call(endpoint, "GetAccessKeyLastUsed", "AccessKeyId=" + keyId).body();
    assertThat(lastUsed)
        .contains("2031-05-06T07:08:09")
        .contains("<ServiceName>s3</ServiceName>")
        .contains("<Region>eu-west-1</Region>");
    server.setAccessKeyCreated(keyId, java.time.Instant.parse("2030-01-02T03:04:05Z"));
    assertThat(IamQuery.call(endpoint, "ListAccessKeys", "UserName=svc-fixture").body())
        .contains("2030-01-02T03:04:05");
    assertThatThrownBy(
            () ->
                server.setAccessKeyLastUsed(
                    "AKIANOSUCHKEY0000000", java.time.Instant.now(), "s3", "us-east-1"))
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("404")
        .hasMessageContaining("AKIANOSUCHKEY0000000");
  }

  @Test
  void setAccessKeyLastUsed_withoutTestFixtures_isRefusedAndThePathIsNotThere() throws Exception {
    server = MotoServer.builder().build();
    AwsEndpoint endpoint = server.start();

    assertThatThrownBy(
            () ->
                server.setAccessKeyLastUsed("AKIAANY", java.time.Instant.now(), "s3", "us-east-1"))
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("testFixtures()");
    java.net.http.HttpResponse<String> direct =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        endpoint.endpoint().resolve(MotoServer.ACCESS_KEY_PATH))
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"accessKeyId\":\"AKIAANY\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(direct.body()).doesNotContain("no access key");
  }

  @Test
  void start_whenInstalled_answersIamCalls() throws Exception {
    server = MotoServer.builder().build();
    AwsEndpoint endpoint = server.start();

    HttpResponse<String> response = IamQuery.call(endpoint, "ListUsers", "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("<ListUsersResponse");
  }

  @Test
  void start_whenInstalled_listensOnLoopbackWithEmulatorDefaults() {
    server = MotoServer.builder().build();

    AwsEndpoint endpoint = server.start();

    assertThat(endpoint.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(endpoint.region()).isEqualTo("us-east-1");
    assertThat(endpoint.accessKeyId()).isEqualTo("testing");
  }

  @Test
  void reset_whenUserCreated_removesIt() throws Exception {
    server = MotoServer.builder().build();
    AwsEndpoint endpoint = server.start();
    assertThat(IamQuery.call(endpoint, "CreateUser", "UserName=alice").statusCode()).isEqualTo(200);

    server.reset();

    assertThat(IamQuery.call(endpoint, "ListUsers", "").body()).doesNotContain("alice");
  }

  @Test
  void close_whenRunning_stopsTheProcessAndFreesThePort() throws Exception {
    server = MotoServer.builder().build();
    AwsEndpoint endpoint = server.start();
    ProcessHandle process = server.process().toHandle();

    server.close();

    assertThat(process.isAlive()).isFalse();
    assertThatThrownBy(
            () ->
                new Socket(InetAddress.getLoopbackAddress(), endpoint.endpoint().getPort()).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void start_whenClosedBefore_startsAgain() throws Exception {
    server = MotoServer.builder().build();
    server.start();
    server.close();

    AwsEndpoint endpoint = server.start();

    assertThat(IamQuery.call(endpoint, "ListUsers", "").statusCode()).isEqualTo(200);
  }

  @Test
  void start_whenEnvironmentEnforcesAuth_passesItToMoto() throws Exception {
    // With no unauthenticated calls allowed, moto checks that the access key exists.
    server = MotoServer.builder().environment("INITIAL_NO_AUTH_ACTION_COUNT", "0").build();
    AwsEndpoint endpoint = server.start();

    HttpResponse<String> response = IamQuery.call(endpoint, "ListUsers", "");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("InvalidClientTokenId");
  }

  @Test
  void shared_whenCalledTwice_returnsOneRunningServer() {
    MotoServer first = MotoServer.shared();

    MotoServer second = MotoServer.shared();

    assertThat(second).isSameAs(first);
    assertThat(second.isRunning()).isTrue();
  }

  @Test
  void start_whenOwningJvmIsKilled_serverExits() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process owner =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                OwnerProcess.class.getName(),
                MotoServer.builder().build().installDir().toString())
            .redirectErrorStream(true)
            .start();
    try {
      long pid = readPid(owner);
      ProcessHandle moto = ProcessHandle.of(pid).orElseThrow();

      owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

      assertThat(moto.onExit().completeOnTimeout(moto, 20, TimeUnit.SECONDS).get().isAlive())
          .isFalse();
    } finally {
      owner.destroyForcibly();
    }
  }

  private static long readPid(Process owner) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("pid=")) {
        return Long.parseLong(line.substring(4));
      }
      seen.add(line);
    }
    throw new AssertionError("The owner JVM exited without starting a server: " + seen);
  }
}
