package dev.keywarden.aws;

import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import dev.keywarden.audit.AccountRun;
import dev.keywarden.audit.MemberAccess;
import dev.keywarden.audit.OrgAuditor;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.config.Settings;
import dev.keywarden.inventory.AccountInventory;
import java.time.Clock;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Wires the Organization-wide audit to AWS: Organizations lists the accounts, STS enters them, the
 * findings table, topics and queue are reached with the management (central) clients.
 */
public final class OrgAuditors {
  private OrgAuditors() {}

  /**
   * An auditor whose central side uses {@code management} (which the caller keeps open and closes)
   * and whose member clients are built per account and closed after its run.
   */
  public static OrgAuditor create(Settings settings, AwsClientFactory management, Clock clock) {
    MemberAccountClients memberClients = MemberAccountClients.create(management, settings.org());
    return OrgAuditor.create(
        settings,
        OrganizationGateway.create(management),
        AccountRuns.store(management, settings),
        new AssumedRoleAccess(memberClients, management, settings, clock),
        AccountRuns.create(management, settings, clock),
        clock);
  }

  /**
   * The queue named by {@code audit-queue-url}.
   *
   * @throws InvalidInputException when the setting is missing
   */
  public static SqsAuditQueue queue(Settings settings, AwsClientFactory management) {
    String url = settings.org().auditQueueUrl().orElseThrow(() -> new InvalidInputException(
        "audit-queue-url is not set: set KEYWARDEN_AUDIT_QUEUE_URL to the audit requests queue's URL"));
    return SqsAuditQueue.create(management.sqs(), url);
  }

  /** Enters accounts through their audit role. */
  private record AssumedRoleAccess(MemberAccountClients memberClients, AwsClientFactory management, Settings settings,
      Clock clock) implements MemberAccess {
    @Override
    public Session open(String accountId, String runId) {
      try {
        return new AssumedRoleSession(memberClients.forAccount(accountId, runId), this);
      } catch (SdkException e) {
        throw new KeywardenException("could not enter account " + accountId + ": " + e.getMessage(), e);
      }
    }
  }

  /** One entered account: IAM through the member clients, everything else through the management ones. */
  private record AssumedRoleSession(AwsClientFactory member, AssumedRoleAccess access) implements MemberAccess.Session {
    @Override
    public AccountInventory readInventory() {
      try {
        return IamInventoryReader.create(member, access.settings().audit(), access.clock()).read();
      } catch (SdkException e) {
        throw new KeywardenException(e.getMessage(), e);
      }
    }

    @Override
    public RunOutcome run(AccountInventory inventory, String runId) {
      AccountRun run = AccountRuns.create(access.management(), member, access.settings(), access.clock());
      return run.run(inventory, runId);
    }

    @Override
    public void close() {
      member.close();
    }
  }
}
