package dev.keywarden.aws;

import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import dev.keywarden.audit.AccountRun;
import dev.keywarden.audit.Deadline;
import dev.keywarden.audit.MemberAccess;
import dev.keywarden.audit.MemberAccount;
import dev.keywarden.audit.OrgAuditor;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.checks.Owners;
import dev.keywarden.config.Settings;
import dev.keywarden.inventory.AccountInventory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Wires the Organization-wide audit to AWS: Organizations lists the accounts, STS enters them, the
 * findings table, topics and queue are reached with the management (central) clients.
 */
public final class OrgAuditors {
  private static final Logger LOG = LogManager.getLogger(OrgAuditors.class);

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
        return new AssumedRoleSession(memberClients.forAccount(accountId, runId), memberClients.principalFor(accountId),
            this);
      } catch (SdkException e) {
        throw new KeywardenException("could not enter account " + accountId + ": " + e.getMessage(), e);
      }
    }
  }

  /** One entered account: IAM through the member clients, everything else through the management ones. */
  private record AssumedRoleSession(AwsClientFactory member, String principal, AssumedRoleAccess access)
      implements MemberAccess.Session {
    @Override
    public AccountInventory readInventory() {
      try {
        return IamInventoryReader.create(member, access.settings().audit(), access.clock()).read();
      } catch (SdkException e) {
        throw new KeywardenException("reading IAM as " + principal + " failed: " + e.getMessage(), e);
      }
    }

    /**
     * Owners come from the user's tags, then the account's tags in Organizations, then the configured
     * fallback: the account's owner, when it has one, stands in for the fallback in this account's run.
     */
    @Override
    public RunOutcome run(AccountInventory inventory, String runId, Deadline deadline) {
      Settings settings = access.settings();
      Optional<String> accountOwner = accountOwner(inventory.accountId());
      if (accountOwner.isPresent()) {
        settings = new Settings(settings.audit(), settings.run().withFallbackOwner(accountOwner), settings.org());
      }
      AccountRun run = AccountRuns.create(access.management(), member, settings, access.clock());
      return run.run(inventory, runId, deadline);
    }

    private Optional<String> accountOwner(String accountId) {
      try {
        List<MemberAccount> tagged = OrganizationGateway.create(access.management())
            .withTags(List.of(new MemberAccount(accountId, "", "", Map.of())));
        return Owners.accountOwner(tagged.get(0).tags(), access.settings().audit().ownerTagKeys());
      } catch (KeywardenException | SdkException e) {
        LOG.debug("accountId={} no owner from the account's tags: {}", accountId, e.getMessage());
        return Optional.empty();
      }
    }

    @Override
    public void close() {
      member.close();
    }
  }
}
