package dev.keywarden.aws;

import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import dev.keywarden.audit.AccountDirectory;
import dev.keywarden.audit.AccountRun;
import dev.keywarden.audit.AccountSelection;
import dev.keywarden.audit.AuditRequest;
import dev.keywarden.audit.Deadline;
import dev.keywarden.audit.MemberAccess;
import dev.keywarden.audit.MemberAccount;
import dev.keywarden.audit.OrgAuditor;
import dev.keywarden.audit.OrgDispatcher;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.config.Settings;
import dev.keywarden.inventory.AccountInventory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Wires the Organization-wide audit to AWS: Organizations lists the accounts and reads their owner
 * tags, STS enters them, the findings table, topics and queue are reached with the management
 * (central) clients.
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
        new OrganizationOnFirstUse(management),
        AccountRuns.store(management, settings),
        new AssumedRoleAccess(memberClients, management, settings, clock),
        AccountRuns.create(management, settings, clock),
        clock);
  }

  /**
   * The dispatching half alone, for the dispatcher function: Organizations lists the accounts and
   * reads their owner tags, the findings table records the run. It builds no IAM client, so the
   * function's jar needs no IAM classes.
   */
  public static OrgDispatcher dispatcher(
      Settings settings, AwsClientFactory management, Clock clock) {
    return OrgDispatcher.create(
        settings,
        OrganizationGateway.create(management),
        AccountRuns.store(management, settings),
        clock);
  }

  /**
   * The queue named by {@code audit-queue-url}.
   *
   * @throws InvalidInputException when the setting is missing
   */
  public static SqsAuditQueue queue(Settings settings, AwsClientFactory management) {
    String url =
        settings
            .org()
            .auditQueueUrl()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "audit-queue-url is not set: set KEYWARDEN_AUDIT_QUEUE_URL to the audit requests queue's URL"));
    return SqsAuditQueue.create(management.sqs(), url);
  }

  /** Enters accounts through their audit role. */
  private record AssumedRoleAccess(
      MemberAccountClients memberClients,
      AwsClientFactory management,
      Settings settings,
      Clock clock)
      implements MemberAccess {
    @Override
    public Session open(String accountId, String runId) {
      try {
        return new AssumedRoleSession(
            memberClients.forAccount(accountId, runId),
            memberClients.principalFor(accountId),
            this);
      } catch (SdkException e) {
        throw new KeywardenException(
            "could not enter account " + accountId + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * One entered account: IAM through the member clients, everything else through the management
   * ones.
   */
  private record AssumedRoleSession(
      AwsClientFactory member, String principal, AssumedRoleAccess access)
      implements MemberAccess.Session {
    @Override
    public AccountInventory readInventory() {
      try {
        return IamInventoryReader.create(member, access.settings().audit(), access.clock()).read();
      } catch (SdkException e) {
        throw new KeywardenException(
            "reading IAM as " + principal + " failed: " + e.getMessage(), e);
      }
    }

    /**
     * Owners come from the user's tags, then the account's tags in Organizations (which the
     * dispatcher read into the request), then the configured fallback: the account's owner, when it
     * has one, stands in for the fallback in this account's run.
     */
    @Override
    public RunOutcome run(AccountInventory inventory, AuditRequest request, Deadline deadline) {
      Settings settings = access.settings();
      if (request.accountOwner().isPresent()) {
        settings = settings.withRun(settings.run().withFallbackOwner(request.accountOwner()));
      }
      AccountRun run = AccountRuns.create(access.management(), member, settings, access.clock());
      return run.run(inventory, request.runId(), deadline);
    }

    @Override
    public void close() {
      member.close();
    }
  }

  /**
   * Organizations, reached only when accounts are listed or tags read. The auditor function never
   * does either, so it neither builds an Organizations client nor loads a class of that service
   * (this class names {@link OrganizationGateway} only in calls, which the JVM resolves when they
   * run), and its jar carries none.
   */
  private static final class OrganizationOnFirstUse implements AccountDirectory {
    private final AwsClientFactory management;
    private OrganizationGateway gateway;

    OrganizationOnFirstUse(AwsClientFactory management) {
      this.management = management;
    }

    @Override
    public List<MemberAccount> activeAccounts(AccountSelection selection) {
      return gateway().activeAccounts(selection);
    }

    @Override
    public Map<String, String> tags(String accountId) {
      return gateway().tags(accountId);
    }

    private synchronized OrganizationGateway gateway() {
      if (gateway == null) {
        gateway = OrganizationGateway.create(management);
      }
      return gateway;
    }
  }
}
