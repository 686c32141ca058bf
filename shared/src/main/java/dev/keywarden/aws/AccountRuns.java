package dev.keywarden.aws;

import dev.keywarden.audit.AccountRun;
import dev.keywarden.audit.RunSteps;
import dev.keywarden.config.SecurityHubSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.remediate.AccessKeys;
import dev.keywarden.rotate.Rotator;
import dev.keywarden.securityhub.SecurityHubExport;
import java.time.Clock;
import java.util.Optional;

/**
 * Wires the unattended loop to AWS: the findings table, the account's keys and the notice topics.
 */
public final class AccountRuns {
  private AccountRuns() {}

  /**
   * An {@link AccountRun} whose store, key gateway and publisher use the given clients; notices are
   * published only when a notices topic is configured.
   */
  public static AccountRun create(AwsClientFactory clients, Settings settings, Clock clock) {
    return create(clients, clients, settings, clock);
  }

  /**
   * An {@link AccountRun} for an account entered through another: the findings table and topics are
   * reached with the central clients, the account's keys with the member clients; findings go to
   * Security Hub when the settings name its product ({@code security-hub-product-arn}).
   */
  public static AccountRun create(
      AwsClientFactory central, AwsClientFactory member, Settings settings, Clock clock) {
    return create(central, member, settings, clock, settings.run().securityHub());
  }

  /**
   * An {@link AccountRun} as above that also sends findings to Security Hub when {@code
   * securityHub} is given: imported with the central clients, as the central account's
   * custom-integration product.
   */
  public static AccountRun create(
      AwsClientFactory central,
      AwsClientFactory member,
      Settings settings,
      Clock clock,
      Optional<SecurityHubSettings> securityHub) {
    return create(central, member, settings, clock, securityHub, RunSteps.none());
  }

  /** An {@link AccountRun} on one account's clients that tells {@code steps} as it goes. */
  public static AccountRun create(
      AwsClientFactory clients, Settings settings, Clock clock, RunSteps steps) {
    return create(clients, clients, settings, clock, settings.run().securityHub(), steps);
  }

  private static AccountRun create(
      AwsClientFactory central,
      AwsClientFactory member,
      Settings settings,
      Clock clock,
      Optional<SecurityHubSettings> securityHub,
      RunSteps steps) {
    DynamoAccountStateStore store = store(central, settings);
    AccessKeyGateway keys = AccessKeyGateway.create(member);
    AccountRun.Builder run =
        AccountRun.builder()
            .settings(settings)
            .store(store)
            .keys(keys)
            .grants(grants(central, settings))
            .steps(steps)
            .clock(clock);
    if (settings.rotation().enabled()) {
      run.rotator(rotator(central, member, settings, keys));
    }
    settings
        .run()
        .noticesTopicArn()
        .ifPresent(
            topic ->
                run.publisher(
                    SnsNotifier.create(central.sns(), topic, settings.run().securityTopicArn())));
    securityHub.ifPresent(product -> run.export(securityHubExport(central, settings, product)));
    return run.build();
  }

  /**
   * Assisted rotation: keys and secrets in the member account (its clients), rotation records in
   * the findings table (the central clients).
   */
  public static Rotator rotator(
      AwsClientFactory central, AwsClientFactory member, Settings settings, AccessKeys keys) {
    return Rotator.create(
        RotationKeyGateway.create(member.iam()),
        SecretsManagerVault.create(member.secretsManager()),
        rotationStore(central, settings),
        keys,
        settings.rotation());
  }

  /** The rotation records, in the findings table named in the settings. */
  public static DynamoRotationStore rotationStore(AwsClientFactory clients, Settings settings) {
    return DynamoRotationStore.create(clients.dynamoDb(), settings.run().findingsTable());
  }

  /** The Security Hub export of findings, with what it last sent kept in the findings table. */
  public static SecurityHubExport securityHubExport(
      AwsClientFactory central, Settings settings, SecurityHubSettings product) {
    return SecurityHubExport.create(
        product,
        SecurityHubImporter.create(central.securityHub()),
        SecurityHubWorkflowUpdater.create(central.securityHub()),
        DynamoImportedFindings.create(central.dynamoDb(), settings.run().findingsTable()));
  }

  /** The security team's exemption grants, kept in the findings table named in the settings. */
  public static DynamoExemptionGrants grants(AwsClientFactory clients, Settings settings) {
    return DynamoExemptionGrants.create(
        clients.dynamoDb(), settings.run().findingsTable(), settings.run().historyDays());
  }

  /** The findings table named in the settings. */
  public static DynamoAccountStateStore store(AwsClientFactory clients, Settings settings) {
    return DynamoAccountStateStore.builder()
        .client(clients.dynamoDb())
        .tableName(settings.run().findingsTable())
        .historyDays(settings.run().historyDays())
        .build();
  }
}
