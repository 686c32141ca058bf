package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keywarden run} in enforce mode, with credentials whose policy denies {@code
 * iam:UpdateAccessKey}: the expired key cannot be deactivated, and the command says so and exits 3.
 * The key is dated with the emulator's test fixtures, so this class runs its own emulator.
 */
class RunDeactivationFailedIT {
  private static MotoServer server;
  private static AwsEndpoint endpoint;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    server = MotoServer.builder().testFixtures().build();
    endpoint = server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void run_whenADeactivationFails_saysSoAndExitsThree() throws Exception {
    String url = endpoint.endpoint().toString();
    String auditorKey;
    String auditorSecret;
    String carolKey;
    try (AwsClientFactory clients = LocalEmulator.clients(endpoint)) {
      AccountSeeder seeder = AccountSeeder.using(clients.iam());
      seeder.createUser("carol", Map.of("owner", "carol@example.com"));
      carolKey = seeder.addAccessKey("carol");
      server.setAccessKeyCreated(carolKey, Instant.now().minus(Duration.ofDays(100)));
      clients.iam().createUser(r -> r.userName("keywarden-auditor"));
      clients
          .iam()
          .putUserPolicy(
              r ->
                  r.userName("keywarden-auditor")
                      .policyName("all-but-switching-keys")
                      .policyDocument(
                          """
          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
            {"Effect":"Deny","Action":"iam:UpdateAccessKey","Resource":"*"}]}"""));
      var key = clients.iam().createAccessKey(r -> r.userName("keywarden-auditor")).accessKey();
      auditorKey = key.accessKeyId();
      auditorSecret = key.secretAccessKey();
    }
    assertThat(CliRun.of("setup", "--endpoint-url", url).exitCode()).isEqualTo(Main.OK);
    Path credentials =
        Files.writeString(
            dir.resolve("credentials"),
            "[auditor]\naws_access_key_id = "
                + auditorKey
                + "\naws_secret_access_key = "
                + auditorSecret
                + "\n");
    Path config = Files.writeString(dir.resolve("keywarden.properties"), "mode = enforce\n");

    CliRun run;
    String previous = System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    server.enforceIam(true);
    try {
      run =
          CliRun.of(
              "run", "--endpoint-url", url, "--profile", "auditor", "--config", config.toString());
    } finally {
      server.enforceIam(false);
      if (previous == null) {
        System.clearProperty("aws.sharedCredentialsFile");
      } else {
        System.setProperty("aws.sharedCredentialsFile", previous);
      }
    }

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(Main.FAILED);
    assertThat(run.out()).contains("Could not deactivate: ").contains(carolKey);
    assertThat(run.out() + run.err()).contains("deactivation");
    assertThat(run.err()).as("no progress on a pipe").doesNotContain("\r");
  }
}
