package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.config.OrgSettings;
import java.util.Objects;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Builds clients that act inside one member account through its audit role, so that every IAM call
 * of an account's run is made as that account and nothing else needs to know about roles.
 *
 * <p>The role is {@code arn:<partition>:iam::<account>:role/<audit-role-name>}, assumed with the
 * configured ExternalId and the session name {@code keywarden-<runId>}, so that CloudTrail in the
 * member account shows which run made each call. The caller's own account is entered with the
 * caller's own credentials, through the caller's own clients (closing the account's factory leaves
 * them open): that is single-account mode, and in an Organization it spares the management account
 * a role that trusts itself. Every account's clients share the caller's HTTP client.
 */
public final class MemberAccountClients {
  private static final Logger LOG = LogManager.getLogger(MemberAccountClients.class);

  /** STS allows at most 64 characters in a session name. */
  static final int MAX_SESSION_NAME = 64;

  private final AwsClientFactory management;
  private final OrgSettings org;

  private MemberAccountClients(AwsClientFactory management, OrgSettings org) {
    this.management = Objects.requireNonNull(management, "management");
    this.org = Objects.requireNonNull(org, "org");
    if (org.externalId().isEmpty()) {
      LOG.warn(
          "no external-id is configured: the audit role is assumed without one;"
              + " set external-id and require it in the role's trust policy");
    }
  }

  /** Member clients whose AssumeRole calls go through the management factory's STS client. */
  public static MemberAccountClients create(AwsClientFactory management, OrgSettings org) {
    return new MemberAccountClients(management, org);
  }

  /**
   * A factory for one account; the caller closes it. Credentials are obtained before this returns,
   * so a role that cannot be assumed fails here and not at the first IAM call.
   *
   * @throws KeywardenException naming the role ARN and STS's reason when the role cannot be assumed
   */
  public AwsClientFactory forAccount(String accountId, String runId) {
    CallerIdentity self = caller();
    if (self.accountId().equals(accountId)) {
      return management.borrowed();
    }
    String roleArn = roleArn(partition(self.arn()), accountId, org.auditRoleName());
    StsAssumeRoleCredentialsProvider provider =
        StsAssumeRoleCredentialsProvider.builder()
            .stsClient(management.sts())
            .asyncCredentialUpdateEnabled(false)
            .refreshRequest(request(roleArn, sessionName(runId), org.externalId()))
            .build();
    try {
      provider.resolveCredentials();
    } catch (SdkException e) {
      provider.close();
      throw new KeywardenException(
          "sts:AssumeRole into "
              + roleArn
              + " failed: "
              + e.getMessage()
              + " (the role must exist in account "
              + accountId
              + " and trust the auditor"
              + (org.externalId().isPresent() ? " with the configured external-id" : "")
              + ")",
          e);
    }
    return management.withCredentials(provider);
  }

  /** Who acts in the account: the audit role's ARN, or the caller itself in its own account. */
  public String principalFor(String accountId) {
    CallerIdentity self = caller();
    return self.accountId().equals(accountId)
        ? self.arn()
        : roleArn(partition(self.arn()), accountId, org.auditRoleName());
  }

  /** The principal the member clients assume roles as. */
  public CallerIdentity caller() {
    return management.callerIdentity();
  }

  private static AssumeRoleRequest request(
      String roleArn, String sessionName, Optional<String> externalId) {
    AssumeRoleRequest.Builder request =
        AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName(sessionName);
    externalId.ifPresent(request::externalId);
    return request.build();
  }

  static String roleArn(String partition, String accountId, String roleName) {
    return "arn:" + partition + ":iam::" + accountId + ":role/" + roleName;
  }

  /** {@code aws}, {@code aws-cn}, {@code aws-us-gov}... from any ARN. */
  static String partition(String arn) {
    String[] parts = arn.split(":", 3);
    if (parts.length < 3 || !parts[0].equals("arn") || parts[1].isEmpty()) {
      throw new KeywardenException(
          "sts:GetCallerIdentity returned '" + arn + "', which is not an ARN");
    }
    return parts[1];
  }

  /**
   * {@code keywarden-<runId>} in the characters STS allows ({@code [\w+=,.@-]}, others become
   * {@code -}), cut to 64 characters.
   */
  static String sessionName(String runId) {
    String name = ("keywarden-" + runId).replaceAll("[^\\w+=,.@-]", "-");
    return name.length() <= MAX_SESSION_NAME ? name : name.substring(0, MAX_SESSION_NAME);
  }
}
