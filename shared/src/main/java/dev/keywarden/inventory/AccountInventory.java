package dev.keywarden.inventory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the checks read about one account, fetched once before any check runs.
 *
 * <p>Only the credential report is mandatory: an offline audit of a report file has nothing else,
 * and each check declares what it needs so that the missing parts skip checks instead of guessing.
 *
 * @param accountId the 12-digit account id
 * @param fetchedAt when the inventory was read (the credential report may be up to four hours
 *     older)
 * @param credentialReport every user's credentials
 * @param authorization users' tags, groups and policies; empty offline
 * @param summary account-wide root flags; empty offline
 * @param passwordPolicy the account's password policy; empty offline
 * @param rootVirtualMfa whether root's MFA device is a virtual one; empty offline
 * @param callerArn the ARN of the principal that read the inventory; empty offline
 * @param surface roles, policies, certificates, other user credentials and account settings; empty
 *     offline
 */
public record AccountInventory(
    String accountId,
    Instant fetchedAt,
    CredentialReport credentialReport,
    Optional<AuthorizationDetails> authorization,
    Optional<AccountSummary> summary,
    Optional<PasswordPolicy> passwordPolicy,
    Optional<Boolean> rootVirtualMfa,
    Optional<String> callerArn,
    Optional<IamSurface> surface) {
  public AccountInventory {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(credentialReport, "credentialReport");
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(passwordPolicy, "passwordPolicy");
    Objects.requireNonNull(rootVirtualMfa, "rootVirtualMfa");
    Objects.requireNonNull(callerArn, "callerArn");
    Objects.requireNonNull(surface, "surface");
  }

  /**
   * An inventory without the wider IAM surface (roles, policies, certificates), as older readers
   * build it.
   */
  public AccountInventory(
      String accountId,
      Instant fetchedAt,
      CredentialReport credentialReport,
      Optional<AuthorizationDetails> authorization,
      Optional<AccountSummary> summary,
      Optional<PasswordPolicy> passwordPolicy,
      Optional<Boolean> rootVirtualMfa,
      Optional<String> callerArn) {
    this(
        accountId,
        fetchedAt,
        credentialReport,
        authorization,
        summary,
        passwordPolicy,
        rootVirtualMfa,
        callerArn,
        Optional.empty());
  }

  /** The same inventory with the wider IAM surface. */
  public AccountInventory withSurface(IamSurface value) {
    return new AccountInventory(
        accountId,
        fetchedAt,
        credentialReport,
        authorization,
        summary,
        passwordPolicy,
        rootVirtualMfa,
        callerArn,
        Optional.of(value));
  }

  /** An inventory built from a credential report alone, as the offline audit has it. */
  public static AccountInventory offline(
      String accountId, Instant fetchedAt, CredentialReport report) {
    return new AccountInventory(
        accountId,
        fetchedAt,
        report,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
