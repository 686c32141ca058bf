package dev.keywarden.aws;

import dev.keywarden.audit.AccountRun;
import dev.keywarden.config.Settings;
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
    AccountRun.Builder run = AccountRun.builder()
        .settings(settings)
        .store(store)
        .keys(AccessKeyGateway.create(member))
        .grants(grants(central, settings))
        .clock(clock);
    settings.run().noticesTopicArn().ifPresent(topic ->
        run.publisher(SnsNotifier.create(central.sns(), topic, settings.run().securityTopicArn())));
    return run.build();
  }

  /** The security team's exemption grants, kept in the findings table named in the settings. */
  public static DynamoExemptionGrants grants(AwsClientFactory clients, Settings settings) {
    return DynamoExemptionGrants.create(clients.dynamoDb(), settings.run().findingsTable(), settings.run().historyDays());
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
