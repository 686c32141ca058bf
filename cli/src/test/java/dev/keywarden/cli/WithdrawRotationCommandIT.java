package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** keywarden withdraw-rotation after a run created a key for a tagged user, on the emulator. */
@WithEmulator
class WithdrawRotationCommandIT {
  @TempDir Path dir;

  /** keywarden withdraw-rotation against the emulator. */
  private static CliRun withdraw(String url, String account, String user, String reason) {
    return CliRun.of(
        "withdraw-rotation",
        "--endpoint-url",
        url,
        "--account",
        account,
        "--user",
        user,
        "--reason",
        reason);
  }

  private Path rotatingConfig() throws Exception {
    return Files.writeString(
        dir.resolve("k.properties"), "mode = enforce\nassisted-rotation = 123456789012\n");
  }

  @Test
  void withdrawRotation_afterARunCreatedAKey_deactivatesItAndDeletesItsSecret(AwsEndpoint endpoint)
      throws Exception {
    String url = endpoint.endpoint().toString();
    try (AwsClientFactory clients = LocalEmulator.clients(endpoint)) {
      AccountSeeder seeder = AccountSeeder.using(clients.iam());
      // 14 days of life: the key is at its first notice stage as soon as it exists.
      seeder.createUser(
          "svc-orders",
          Map.of(
              "owner",
              "orders@example.com",
              AuditPolicy.MAX_KEY_AGE_TAG,
              "14",
              "keywarden:rotation",
              "assisted"));
      String old = seeder.addAccessKey("svc-orders");
      CliRun.of("setup", "--endpoint-url", url);
      CliRun run = CliRun.of("run", "--endpoint-url", url, "--config", rotatingConfig().toString());
      assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
      assertThat(clients.iam().listAccessKeys(r -> r.userName("svc-orders")).accessKeyMetadata())
          .hasSize(2);
      clients.secretsManager().describeSecret(r -> r.secretId("keywarden/access-keys/svc-orders"));

      CliRun withdrawn =
          withdraw(url, "123456789012", "svc-orders", "the application rotates its own key");

      assertThat(withdrawn.exitCode()).as(withdrawn.err()).isEqualTo(Main.OK);
      assertThat(withdrawn.out())
          .contains("Withdrew the assisted rotation of svc-orders")
          .contains("keywarden/access-keys/svc-orders is deleted")
          .contains("The old key " + old + " is left as it is");
      assertThat(clients.iam().listAccessKeys(r -> r.userName("svc-orders")).accessKeyMetadata())
          .hasSize(2)
          .allSatisfy(
              (AccessKeyMetadata k) ->
                  assertThat(k.statusAsString())
                      .isEqualTo(k.accessKeyId().equals(old) ? "Active" : "Inactive"));
      assertThatThrownBy(
              () ->
                  clients
                      .secretsManager()
                      .describeSecret(r -> r.secretId("keywarden/access-keys/svc-orders")))
          .isInstanceOf(ResourceNotFoundException.class);

      CliRun again = withdraw(url, "123456789012", "svc-orders", "twice");
      assertThat(again.exitCode()).isEqualTo(Main.BAD_INPUT);
      assertThat(again.err()).contains("is withdrawn; there is no new key to withdraw");
      CliRun.of("run", "--endpoint-url", url, "--config", rotatingConfig().toString());
      assertThat(clients.iam().listAccessKeys(r -> r.userName("svc-orders")).accessKeyMetadata())
          .as("a withdrawn rotation is not started again")
          .hasSize(2);
    }
  }

  @Test
  void withdrawRotation_withBadInput_exitsTwoNamingIt(AwsEndpoint endpoint) {
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url);

    CliRun none = withdraw(url, "123456789012", "nobody", "x");
    CliRun blank = withdraw(url, "123456789012", "nobody", " ");
    CliRun badAccount = withdraw(url, "1234", "nobody", "x");
    CliRun otherAccount = withdraw(url, "999999999999", "nobody", "x");

    assertThat(none.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(none.err()).contains("user nobody of account 123456789012 has no assisted rotation");
    assertThat(blank.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(blank.err()).contains("--reason must say why");
    assertThat(badAccount.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(badAccount.err()).contains("--account: '1234' is not a 12-digit AWS account id");
    assertThat(otherAccount.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(otherAccount.err()).contains("is not the account of these credentials");
  }
}
