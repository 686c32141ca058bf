package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.AccountSummary;
import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportParser;
import dev.keywarden.inventory.PasswordPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Reads one account's IAM inventory in a fixed, small number of calls (plus one page per 1,000
 * users), so that every check works on the same snapshot without calling AWS itself.
 *
 * <p>Calls: {@code sts:GetCallerIdentity}, {@code iam:GenerateCredentialReport} (polled),
 * {@code iam:GetCredentialReport}, {@code iam:GetAccountAuthorizationDetails} (paginated),
 * {@code iam:GetAccountSummary}, {@code iam:GetAccountPasswordPolicy} and
 * {@code iam:ListVirtualMFADevices} (paginated). When the report lacks users IAM lists, the report is
 * generated and downloaded once more if IAM would make a new one ({@link ReportRegeneration}).
 */
public final class IamInventoryReader {
  /** Error codes by which IAM and STS say the caller lacks a permission. */
  private static final Set<String> DENIED_CODES =
      Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess");
  /** Largest page {@code GetAccountAuthorizationDetails} serves. */
  static final int PAGE_SIZE = 1000;

  private final IamClient iam;
  private final StsClient sts;
  private final Clock clock;
  private final CredentialReportWait reportWait;

  private IamInventoryReader(IamClient iam, StsClient sts, Clock clock, Duration reportWait, Sleeper sleeper) {
    this.iam = Objects.requireNonNull(iam, "iam");
    this.sts = Objects.requireNonNull(sts, "sts");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.reportWait = new CredentialReportWait(reportWait, sleeper);
  }

  /** A reader using the factory's IAM and STS clients and the policy's credential report wait. */
  public static IamInventoryReader create(AwsClientFactory clients, AuditPolicy policy, Clock clock) {
    return create(clients.iam(), clients.sts(), clock, policy.credentialReportWait(), Sleeper.system());
  }

  /** A reader on the given clients; the sleeper paces the credential report polling. */
  public static IamInventoryReader create(IamClient iam, StsClient sts, Clock clock, Duration reportWait, Sleeper sleeper) {
    return new IamInventoryReader(iam, sts, clock, reportWait, sleeper);
  }

  /**
   * Reads the whole inventory of the account the credentials belong to.
   *
   * @throws KeywardenException naming the missing permission when a call is denied, or when IAM
   *     does not finish the credential report within the bound
   */
  public AccountInventory read() {
    GetCallerIdentityResponse caller = callerIdentity();
    String accountId = caller.account();
    String callerArn = caller.arn();
    ReportRegeneration.Downloaded first = credentialReport(callerArn, accountId);
    AuthorizationDetails authorization = authorizationDetails(callerArn);
    CredentialReport report = ReportRegeneration.complete(
        first, authorization, clock.instant(), () -> credentialReport(callerArn, accountId), accountId);
    AccountSummary summary = accountSummary(callerArn);
    PasswordPolicy passwordPolicy = passwordPolicy(callerArn);
    boolean rootVirtualMfa = rootHasVirtualMfa(summary.rootMfaEnabled(), assignedVirtualMfaDevices(callerArn));
    return new AccountInventory(
        accountId,
        clock.instant(),
        report,
        Optional.of(authorization),
        Optional.of(summary),
        Optional.of(passwordPolicy),
        Optional.of(rootVirtualMfa),
        Optional.of(callerArn));
  }

  GetCallerIdentityResponse callerIdentity() {
    return call("sts:GetCallerIdentity", "the configured credentials", () -> sts.getCallerIdentity());
  }

  /** Generates the credential report if needed, waits for it within the bound, and returns its CSV. */
  String credentialReportCsv(String callerArn, String accountId) {
    return reportResponse(callerArn, accountId).content().asUtf8String();
  }

  /** The parsed credential report and when IAM generated it. */
  ReportRegeneration.Downloaded credentialReport(String callerArn, String accountId) {
    GetCredentialReportResponse response = reportResponse(callerArn, accountId);
    return new ReportRegeneration.Downloaded(
        CredentialReportParser.parse(response.content().asUtf8String(), "credential report of account " + accountId),
        Optional.ofNullable(response.generatedTime()));
  }

  private GetCredentialReportResponse reportResponse(String callerArn, String accountId) {
    return reportWait.await(
        () -> call("iam:GenerateCredentialReport", callerArn, () -> iam.generateCredentialReport().state()),
        () -> call("iam:GetCredentialReport", callerArn, this::downloadReport),
        "credential report of account " + accountId);
  }

  private Optional<GetCredentialReportResponse> downloadReport() {
    try {
      return Optional.of(iam.getCredentialReport());
    } catch (CredentialReportNotReadyException | CredentialReportExpiredException | CredentialReportNotPresentException e) {
      return Optional.empty();
    }
  }

  AuthorizationDetails authorizationDetails(String callerArn) {
    List<GetAccountAuthorizationDetailsResponse> pages = call("iam:GetAccountAuthorizationDetails", callerArn, () -> {
      List<GetAccountAuthorizationDetailsResponse> all = new ArrayList<>();
      iam.getAccountAuthorizationDetailsPaginator(r -> r
              .filter(EntityType.USER, EntityType.GROUP, EntityType.LOCAL_MANAGED_POLICY)
              .maxItems(PAGE_SIZE))
          .forEach(all::add);
      return all;
    });
    return AuthorizationAssembler.assemble(pages);
  }

  AccountSummary accountSummary(String callerArn) {
    Map<SummaryKeyType, Integer> summary = call("iam:GetAccountSummary", callerArn, () -> iam.getAccountSummary().summaryMap());
    return new AccountSummary(
        summary.getOrDefault(SummaryKeyType.ACCOUNT_MFA_ENABLED, 0) > 0,
        summary.getOrDefault(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 0) > 0,
        summary.getOrDefault(SummaryKeyType.USERS, 0));
  }

  /** The account's password policy; an account without one is {@link PasswordPolicy#absent()}. */
  PasswordPolicy passwordPolicy(String callerArn) {
    return call("iam:GetAccountPasswordPolicy", callerArn, () -> {
      try {
        return toPasswordPolicy(iam.getAccountPasswordPolicy().passwordPolicy());
      } catch (NoSuchEntityException noPolicy) {
        return PasswordPolicy.absent();
      }
    });
  }

  static PasswordPolicy toPasswordPolicy(software.amazon.awssdk.services.iam.model.PasswordPolicy policy) {
    Integer reuse = policy.passwordReusePrevention();
    Integer maxAge = policy.maxPasswordAge();
    boolean expires = Boolean.TRUE.equals(policy.expirePasswords()) || (maxAge != null && maxAge > 0);
    return new PasswordPolicy(
        true,
        policy.minimumPasswordLength() == null ? 0 : policy.minimumPasswordLength(),
        reuse == null || reuse == 0 ? Optional.empty() : Optional.of(reuse),
        expires && maxAge != null && maxAge > 0 ? Optional.of(maxAge) : Optional.empty());
  }

  List<VirtualMFADevice> assignedVirtualMfaDevices(String callerArn) {
    return call("iam:ListVirtualMFADevices", callerArn, () -> {
      List<VirtualMFADevice> devices = new ArrayList<>();
      iam.listVirtualMFADevicesPaginator(r -> r.assignmentStatus(AssignmentStatusType.ASSIGNED))
          .virtualMFADevices()
          .forEach(devices::add);
      return devices;
    });
  }

  /**
   * Whether root's MFA is a virtual device: root has MFA, and a virtual device is assigned to root
   * (its user ARN ends in {@code :root}, or its serial is root's {@code root-account-mfa-device}).
   */
  static boolean rootHasVirtualMfa(boolean rootMfaEnabled, List<VirtualMFADevice> assignedDevices) {
    return rootMfaEnabled && assignedDevices.stream().anyMatch(IamInventoryReader::assignedToRoot);
  }

  private static boolean assignedToRoot(VirtualMFADevice device) {
    boolean rootUser = device.user() != null && device.user().arn() != null && device.user().arn().endsWith(":root");
    boolean rootSerial = device.serialNumber() != null && device.serialNumber().endsWith("/root-account-mfa-device");
    return rootUser || rootSerial;
  }

  /** Runs one call, turning a denial into a message that names the permission to grant. */
  static <T> T call(String action, String principal, Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      if (isDenied(e)) {
        throw new KeywardenException(
            action + " was denied for " + principal + ": grant it to the audit role (" + errorCode(e) + ")", e);
      }
      throw e;
    }
  }

  static boolean isDenied(AwsServiceException e) {
    return DENIED_CODES.contains(errorCode(e));
  }

  private static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() == null ? "" : Objects.toString(e.awsErrorDetails().errorCode(), "");
  }
}
