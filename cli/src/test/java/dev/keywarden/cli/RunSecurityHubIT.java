package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.emulator.AccountSeeder;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.testsupport.WithEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

/**
 * {@code keywarden run} sends findings to Security Hub when the configuration names the product,
 * and only then.
 */
@WithEmulator
class RunSecurityHubIT {
  @TempDir Path dir;

  private static List<AwsSecurityFinding> held(AwsClientFactory clients) {
    return clients.securityHub().getFindingsPaginator(r -> r.maxResults(100)).findings().stream()
        .toList();
  }

  @Test
  void run_whenTheConfigFileNamesTheProduct_importsTheFindings_andWithoutItSendsNothing(
      AwsEndpoint endpoint) throws Exception {
    String url = endpoint.endpoint().toString();
    try (AwsClientFactory clients = LocalEmulator.clients(endpoint)) {
      AccountSeeder seeder = AccountSeeder.using(clients.iam());
      seeder.createUser("carol", Map.of("owner", "carol@example.com"));
      seeder.addConsolePassword("carol", "Example-password-1!");
      String account = clients.sts().getCallerIdentity().account();
      CliRun.of("setup", "--endpoint-url", url);

      CliRun off = CliRun.of("run", "--endpoint-url", url);
      assertThat(off.exitCode()).as(off.err()).isEqualTo(Main.OK);
      assertThat(held(clients)).as("off by default").isEmpty();

      String product =
          "arn:aws:securityhub:"
              + endpoint.region()
              + ":"
              + account
              + ":product/"
              + account
              + "/default";
      Path config =
          Files.writeString(
              dir.resolve("keywarden.conf"), "security-hub-product-arn = " + product + "\n");
      CliRun on = CliRun.of("run", "--endpoint-url", url, "--config", config.toString());

      assertThat(on.exitCode()).as(on.err()).isEqualTo(Main.OK);
      assertThat(held(clients))
          .isNotEmpty()
          .allSatisfy(
              f -> {
                assertThat(f.productArn()).isEqualTo(product);
                assertThat(f.awsAccountId()).isEqualTo(account);
              })
          .anySatisfy(f -> assertThat(f.generatorId()).isEqualTo("keywarden/console-without-mfa"));
    }
  }

  @Test
  void run_whenTheProductIsNotACustomIntegrationArn_exitsTwoNamingTheSettingAndTheValue(
      AwsEndpoint endpoint) throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("keywarden.conf"),
            "security-hub-product-arn = arn:aws:securityhub:eu-west-1:123456789012:hub/default\n");

    CliRun run =
        CliRun.of(
            "run", "--endpoint-url", endpoint.endpoint().toString(), "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err())
        .contains(
            "line 1: security-hub-product-arn must be a Security Hub custom-integration product ARN")
        .contains("'arn:aws:securityhub:eu-west-1:123456789012:hub/default'");
  }
}
