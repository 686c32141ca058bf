package dev.keywarden.cli;

import dev.keywarden.InvalidInputException;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.ClientSettings;
import dev.keywarden.aws.IamInventoryReader;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccountInventory;
import java.net.URI;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The flags that choose which AWS account and credentials a subcommand uses. */
final class AwsOptions {
  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description =
          "Named profile from ~/.aws/config (SSO profiles work after 'aws sso login'). "
              + "Default: the SDK's chain (environment, AWS_PROFILE, instance role).")
  String profile;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "AWS region for STS (IAM is global). Default: AWS_REGION, the profile's region, else us-east-1.")
  String region;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "Send AWS calls to this endpoint instead, such as a local emulator. Default: AWS_ENDPOINT_URL, else AWS.")
  URI endpointUrl;

  ClientSettings settings() {
    ClientSettings settings =
        profile == null ? ClientSettings.defaults() : ClientSettings.forProfile(profile);
    if (region != null) {
      settings = settings.withRegion(region);
    }
    if (endpointUrl != null) {
      if (endpointUrl.getScheme() == null
          || endpointUrl.getHost() == null
          || !(endpointUrl.getScheme().equals("http") || endpointUrl.getScheme().equals("https"))) {
        throw new InvalidInputException(
            "--endpoint-url: '"
                + endpointUrl
                + "' is not an http(s) URL such as http://127.0.0.1:5000");
      }
      settings = settings.withEndpoint(endpointUrl);
    }
    return settings;
  }

  AccountInventory readInventory(AuditPolicy policy, Clock clock) {
    try (AwsClientFactory clients = AwsClientFactory.create(settings())) {
      return WaitLine.onTerminal()
          .during(
              "Reading the account's IAM inventory (credential report, users, policies)",
              () -> IamInventoryReader.create(clients, policy, clock).read());
    }
  }
}
