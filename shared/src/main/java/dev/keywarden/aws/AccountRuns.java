package dev.keywarden.aws;

import dev.keywarden.audit.AccountRun;
import dev.keywarden.config.Settings;
import dev.keywarden.remediate.AccessKeys;
import dev.keywarden.rotate.Rotator;
import java.time.Clock;

/** Wires the unattended loop to AWS: the findings table, the account's keys and the notice topics. */
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
   * reached with the central clients, the account's keys with the member clients.
   */
  public static AccountRun create(AwsClientFactory central, AwsClientFactory member, Settings settings, Clock clock) {
    DynamoAccountStateStore store = store(central, settings);
    AccessKeyGateway keys = AccessKeyGateway.create(member);
    AccountRun.Builder run = AccountRun.builder()
        .settings(settings)
        .store(store)
        .keys(keys)
        .clock(clock);
    if (settings.rotation().enabled()) {
      run.rotator(rotator(central, member, settings, keys));
    }
    settings.run().noticesTopicArn().ifPresent(topic ->
        run.publisher(SnsNotifier.create(central.sns(), topic, settings.run().securityTopicArn())));
    return run.build();
  }

  /**
   * Assisted rotation: keys and secrets in the member account (its clients), rotation records in the
   * findings table (the central clients).
   */
  public static Rotator rotator(AwsClientFactory central, AwsClientFactory member, Settings settings, AccessKeys keys) {
    return Rotator.create(RotationKeyGateway.create(member.iam()), SecretsManagerVault.create(member.secretsManager()),
        rotationStore(central, settings), keys, settings.rotation());
  }

  /** The rotation records, in the findings table named in the settings. */
  public static DynamoRotationStore rotationStore(AwsClientFactory clients, Settings settings) {
    return DynamoRotationStore.create(clients.dynamoDb(), settings.run().findingsTable());
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
