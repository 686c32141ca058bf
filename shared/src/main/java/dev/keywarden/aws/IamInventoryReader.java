package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.AccountSummary;
import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportParser;
import dev.keywarden.inventory.IamSurface;
import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.Reading;
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
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Reads one account's IAM inventory in a fixed, small number of calls (plus one page per 1,000
 * users), so that every check works on the same snapshot without calling AWS itself.
 *
 * <p>Calls: {@code sts:GetCallerIdentity}, {@code iam:GenerateCredentialReport} (polled), {@code
 * iam:GetCredentialReport}, {@code iam:GetAccountAuthorizationDetails} (paginated), {@code
 * iam:GetAccountSummary}, {@code iam:GetAccountPasswordPolicy} and {@code
 * iam:ListVirtualMFADevices} (paginated). When the report lacks users IAM lists, the report is
 * generated and downloaded once more if IAM would make a new one ({@link ReportRegeneration}); then
 * the wider surface of {@link IamSurfaceReader} (roles and customer-managed policies from the same
 * authorization-details pages, server certificates, service-specific credentials, the
 * Organization's root-credential features and IAM Access Analyzer).
 */
public final class IamInventoryReader {
  /** Error codes by which IAM and STS say the caller lacks a permission. */
  private static final Set<String> DENIED_CODES =
      Set.of(
          "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess");

  /** Largest page {@code GetAccountAuthorizationDetails} serves. */
  static final int PAGE_SIZE = 1000;

  private final IamClient iam;
  private final Supplier<CallerIdentity> caller;
  private final Clock clock;
  private final CredentialReportWait reportWait;
  private final int sshKeyMaxUsers;
  private final Supplier<Reading<Boolean>> accessAnalyzer;

  private IamInventoryReader(
      IamClient iam,
      Supplier<CallerIdentity> caller,
      Clock clock,
      Duration reportWait,
      Sleeper sleeper) {
    this(iam, caller, clock, new CredentialReportWait(reportWait, sleeper), 0, NO_ANALYZER_READ);
  }

  private IamInventoryReader(
      IamClient iam,
      Supplier<CallerIdentity> caller,
      Clock clock,
      CredentialReportWait reportWait,
      int sshKeyMaxUsers,
      Supplier<Reading<Boolean>> accessAnalyzer) {
    this.iam = Objects.requireNonNull(iam, "iam");
    this.caller = Objects.requireNonNull(caller, "caller");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.reportWait = Objects.requireNonNull(reportWait, "reportWait");
    this.sshKeyMaxUsers = sshKeyMaxUsers;
    this.accessAnalyzer = Objects.requireNonNull(accessAnalyzer, "accessAnalyzer");
  }

  private static final Supplier<Reading<Boolean>> NO_ANALYZER_READ =
      () -> Reading.missing("this reader was built without an IAM Access Analyzer client");

  /**
   * The same reader, also reading SSH public keys when the account has at most {@code maxUsers}
   * users (0: never).
   */
  public IamInventoryReader withSshKeyMaxUsers(int maxUsers) {
    if (maxUsers < 0) {
      throw new IllegalArgumentException("ssh-key-max-users must not be negative, was " + maxUsers);
    }
    return new IamInventoryReader(iam, caller, clock, reportWait, maxUsers, accessAnalyzer);
  }

  /** The same reader, asking {@code lookup} whether IAM Access Analyzer is enabled. */
  public IamInventoryReader withAccessAnalyzer(Supplier<Reading<Boolean>> lookup) {
    return new IamInventoryReader(iam, caller, clock, reportWait, sshKeyMaxUsers, lookup);
  }

  /**
   * A reader using the factory's IAM client, the caller identity it knows (asked of STS at most
   * once per factory) and the policy's credential report wait.
   */
  public static IamInventoryReader create(
      AwsClientFactory clients, AuditPolicy policy, Clock clock) {
    AccessAnalyzerLookup analyzer = new AccessAnalyzerLookup(clients.accessAnalyzer());
    return new IamInventoryReader(
            clients.iam(),
            clients::callerIdentity,
            clock,
            policy.credentialReportWait(),
            Sleeper.system())
        .withSshKeyMaxUsers(policy.sshKeyMaxUsers())
        .withAccessAnalyzer(analyzer::read);
  }

  /** A reader on the given clients; the sleeper paces the credential report polling. */
  public static IamInventoryReader create(
      IamClient iam, StsClient sts, Clock clock, Duration reportWait, Sleeper sleeper) {
    return new IamInventoryReader(iam, () -> callerIdentity(sts), clock, reportWait, sleeper);
  }

  /**
   * Reads the whole inventory of the account the credentials belong to.
   *
   * @throws KeywardenException naming the missing permission when a call is denied, or when IAM
   *     does not finish the credential report within the bound
   */
  public AccountInventory read() {
    CallerIdentity identity = callerIdentity();
    String accountId = identity.accountId();
    String callerArn = identity.arn();
    ReportRegeneration.Downloaded first = credentialReport(callerArn, accountId);
    List<GetAccountAuthorizationDetailsResponse> pages = authorizationPages(callerArn);
    AuthorizationDetails authorization = AuthorizationAssembler.assemble(pages);
    CredentialReport report =
        ReportRegeneration.complete(
            first,
            authorization,
            clock.instant(),
            () -> credentialReport(callerArn, accountId),
            accountId);
    AccountSummary summary = accountSummary(callerArn);
    Optional<software.amazon.awssdk.services.iam.model.PasswordPolicy> rawPasswordPolicy =
        rawPasswordPolicy(callerArn);
    PasswordPolicy passwordPolicy =
        rawPasswordPolicy.map(IamInventoryReader::toPasswordPolicy).orElse(PasswordPolicy.absent());
    List<VirtualMFADevice> virtualMfa = assignedVirtualMfaDevices(callerArn);
    boolean rootVirtualMfa = rootHasVirtualMfa(summary.rootMfaEnabled(), virtualMfa);
    IamSurface surface =
        new IamSurfaceReader(iam, callerArn)
            .read(
                pages,
                report,
                virtualMfa,
                IamSurfaceReader.passwordRules(rawPasswordPolicy),
                sshKeyMaxUsers,
                accessAnalyzer);
    return new AccountInventory(
        accountId,
        clock.instant(),
        report,
        Optional.of(authorization),
        Optional.of(summary),
        Optional.of(passwordPolicy),
        Optional.of(rootVirtualMfa),
        Optional.of(callerArn),
        Optional.of(surface));
  }

  /** Who the reader reads as. */
  CallerIdentity callerIdentity() {
    return caller.get();
  }

  private static CallerIdentity callerIdentity(StsClient sts) {
    GetCallerIdentityResponse response =
        call("sts:GetCallerIdentity", "the configured credentials", sts::getCallerIdentity);
    return new CallerIdentity(response.account(), response.arn());
  }

  /**
   * Generates the credential report if needed, waits for it within the bound, and returns its CSV.
   */
  String credentialReportCsv(String callerArn, String accountId) {
    return reportResponse(callerArn, accountId).content().asUtf8String();
  }

  /** The parsed credential report and when IAM generated it. */
  ReportRegeneration.Downloaded credentialReport(String callerArn, String accountId) {
    GetCredentialReportResponse response = reportResponse(callerArn, accountId);
    return new ReportRegeneration.Downloaded(
        CredentialReportParser.parse(
            response.content().asUtf8String(), "credential report of account " + accountId),
        Optional.ofNullable(response.generatedTime()));
  }

  private GetCredentialReportResponse reportResponse(String callerArn, String accountId) {
    return reportWait.await(
        () ->
            call(
                "iam:GenerateCredentialReport",
                callerArn,
                () -> iam.generateCredentialReport().state()),
        () -> call("iam:GetCredentialReport", callerArn, this::downloadReport),
        "credential report of account " + accountId);
  }

  private Optional<GetCredentialReportResponse> downloadReport() {
    try {
      return Optional.of(iam.getCredentialReport());
    } catch (CredentialReportNotReadyException
        | CredentialReportExpiredException
        | CredentialReportNotPresentException e) {
      return Optional.empty();
    }
  }

  AuthorizationDetails authorizationDetails(String callerArn) {
    return AuthorizationAssembler.assemble(authorizationPages(callerArn));
  }

  /**
   * Every page of users, groups, roles and customer-managed policies (roles add pages, not calls
   * per role).
   */
  List<GetAccountAuthorizationDetailsResponse> authorizationPages(String callerArn) {
    return call(
        "iam:GetAccountAuthorizationDetails",
        callerArn,
        () -> {
          List<GetAccountAuthorizationDetailsResponse> all = new ArrayList<>();
          iam.getAccountAuthorizationDetailsPaginator(
                  r ->
                      r.filter(
                              EntityType.USER,
                              EntityType.GROUP,
                              EntityType.ROLE,
                              EntityType.LOCAL_MANAGED_POLICY)
                          .maxItems(PAGE_SIZE))
              .forEach(all::add);
          return all;
        });
  }

  AccountSummary accountSummary(String callerArn) {
    Map<SummaryKeyType, Integer> summary =
        call("iam:GetAccountSummary", callerArn, () -> iam.getAccountSummary().summaryMap());
    return new AccountSummary(
        summary.getOrDefault(SummaryKeyType.ACCOUNT_MFA_ENABLED, 0) > 0,
        summary.getOrDefault(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT, 0) > 0,
        summary.getOrDefault(SummaryKeyType.USERS, 0));
  }

  /** The account's password policy; an account without one is {@link PasswordPolicy#absent()}. */
  PasswordPolicy passwordPolicy(String callerArn) {
    return rawPasswordPolicy(callerArn)
        .map(IamInventoryReader::toPasswordPolicy)
        .orElse(PasswordPolicy.absent());
  }

  /** The password policy as IAM gives it; empty when the account has none. */
  Optional<software.amazon.awssdk.services.iam.model.PasswordPolicy> rawPasswordPolicy(
      String callerArn) {
    return call(
        "iam:GetAccountPasswordPolicy",
        callerArn,
        () -> {
          try {
            return Optional.of(iam.getAccountPasswordPolicy().passwordPolicy());
          } catch (NoSuchEntityException noPolicy) {
            return Optional.empty();
          }
        });
  }

  static PasswordPolicy toPasswordPolicy(
      software.amazon.awssdk.services.iam.model.PasswordPolicy policy) {
    Integer reuse = policy.passwordReusePrevention();
    Integer maxAge = policy.maxPasswordAge();
    boolean expires =
        Boolean.TRUE.equals(policy.expirePasswords()) || (maxAge != null && maxAge > 0);
    return new PasswordPolicy(
        true,
        policy.minimumPasswordLength() == null ? 0 : policy.minimumPasswordLength(),
        reuse == null || reuse == 0 ? Optional.empty() : Optional.of(reuse),
        expires && maxAge != null && maxAge > 0 ? Optional.of(maxAge) : Optional.empty());
  }

  List<VirtualMFADevice> assignedVirtualMfaDevices(String callerArn) {
    return call(
        "iam:ListVirtualMFADevices",
        callerArn,
        () -> {
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
    boolean rootUser =
        device.user() != null
            && device.user().arn() != null
            && device.user().arn().endsWith(":root");
    boolean rootSerial =
        device.serialNumber() != null && device.serialNumber().endsWith("/root-account-mfa-device");
    return rootUser || rootSerial;
  }

  /** Runs one call, turning a denial into a message that names the permission to grant. */
  static <T> T call(String action, String principal, Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      if (isDenied(e)) {
        throw new KeywardenException(
            action
                + " was denied for "
                + principal
                + ": grant it to the audit role ("
                + errorCode(e)
                + ")",
            e);
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
