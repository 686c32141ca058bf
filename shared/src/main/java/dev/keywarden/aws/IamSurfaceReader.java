package dev.keywarden.aws;

import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamSurface;
import dev.keywarden.inventory.PasswordRules;
import dev.keywarden.inventory.Reading;
import dev.keywarden.inventory.ServerCertificate;
import dev.keywarden.inventory.UserCredential;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccountNotManagementOrDelegatedAdministratorException;
import software.amazon.awssdk.services.iam.model.FeatureType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsResponse;
import software.amazon.awssdk.services.iam.model.OrganizationNotFoundException;
import software.amazon.awssdk.services.iam.model.ServiceAccessNotEnabledException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * Reads the wider IAM surface in a constant number of calls: the roles and customer-managed
 * policies come from the authorization-details pages already read; server certificates,
 * service-specific credentials (all users in one listing) and the Organization's root-credentials
 * feature cost one call each (plus pages). Two per-user reads are bounded: {@code
 * ListSigningCertificates} only for users whose credential-report row shows an active certificate
 * without a date (never on AWS, whose report dates every certificate), and {@code
 * ListSSHPublicKeys} only when {@code ssh-key-max-users} allows it for the account's size.
 */
final class IamSurfaceReader {

  private final IamClient iam;
  private final String callerArn;

  IamSurfaceReader(IamClient iam, String callerArn) {
    this.iam = Objects.requireNonNull(iam, "iam");
    this.callerArn = Objects.requireNonNull(callerArn, "callerArn");
  }

  IamSurface read(
      List<GetAccountAuthorizationDetailsResponse> pages,
      CredentialReport report,
      List<VirtualMFADevice> assignedVirtualMfa,
      PasswordRules passwordRules,
      int sshKeyMaxUsers,
      Supplier<Reading<Boolean>> accessAnalyzer) {
    return new IamSurface(
        SurfaceAssembler.roles(pages),
        SurfaceAssembler.localPolicies(pages),
        serverCertificates(),
        undatedSigningCertificates(report),
        sshPublicKeys(report, sshKeyMaxUsers),
        serviceCredentials(),
        virtualMfaUsers(assignedVirtualMfa),
        passwordRules,
        accessAnalyzer.get(),
        rootCredentialsManagement());
  }

  Reading<List<ServerCertificate>> serverCertificates() {
    return Refusals.read(
        "iam:ListServerCertificates",
        callerArn,
        () -> {
          List<ServerCertificate> certificates = new ArrayList<>();
          iam.listServerCertificatesPaginator(r -> r.maxItems(1000))
              .serverCertificateMetadataList()
              .forEach(
                  m ->
                      certificates.add(
                          new ServerCertificate(
                              m.serverCertificateName(), m.arn(), m.expiration())));
          return certificates;
        });
  }

  /** Signing certificates of users whose report row shows an active certificate with no date. */
  Reading<List<UserCredential>> undatedSigningCertificates(CredentialReport report) {
    List<String> users =
        report.users().stream()
            .filter(
                row -> row.activeCertificates().stream().anyMatch(c -> c.lastRotated().isEmpty()))
            .map(CredentialReportRow::user)
            .toList();
    List<UserCredential> certificates = new ArrayList<>();
    for (String user : users) {
      Reading<Boolean> read =
          Refusals.read(
              "iam:ListSigningCertificates",
              callerArn,
              () -> {
                iam.listSigningCertificatesPaginator(r -> r.userName(user))
                    .certificates()
                    .forEach(
                        c ->
                            certificates.add(
                                new UserCredential(
                                    UserCredential.Kind.SIGNING_CERTIFICATE,
                                    user,
                                    c.certificateId(),
                                    "",
                                    c.status() == StatusType.ACTIVE,
                                    c.uploadDate(),
                                    Optional.empty())));
                return true;
              });
      if (!read.known()) {
        return Reading.missing(read.missingBecause().orElseThrow());
      }
    }
    return Reading.of(certificates);
  }

  Reading<List<UserCredential>> sshPublicKeys(CredentialReport report, int maxUsers) {
    int users = report.users().size();
    if (maxUsers == 0) {
      return Reading.missing(
          "SSH public keys are read with one iam:ListSSHPublicKeys call per user, which is off"
              + " (ssh-key-max-users is 0); set it to at least the account's user count to judge them");
    }
    if (users > maxUsers) {
      return Reading.missing(
          "SSH public keys are read with one iam:ListSSHPublicKeys call per user, and the account has "
              + users
              + " users, more than ssh-key-max-users ("
              + maxUsers
              + ")");
    }
    List<UserCredential> keys = new ArrayList<>();
    for (CredentialReportRow row : report.users()) {
      Reading<Boolean> read =
          Refusals.read(
              "iam:ListSSHPublicKeys",
              callerArn,
              () -> {
                iam.listSSHPublicKeysPaginator(r -> r.userName(row.user()))
                    .sshPublicKeys()
                    .forEach(
                        k ->
                            keys.add(
                                new UserCredential(
                                    UserCredential.Kind.SSH_PUBLIC_KEY,
                                    row.user(),
                                    k.sshPublicKeyId(),
                                    "",
                                    k.status() == StatusType.ACTIVE,
                                    k.uploadDate(),
                                    Optional.empty())));
                return true;
              });
      if (!read.known()) {
        return Reading.missing(read.missingBecause().orElseThrow());
      }
    }
    return Reading.of(keys);
  }

  /**
   * Every user's service-specific credentials in one listing ({@code AllUsers}), paged by marker.
   */
  Reading<List<UserCredential>> serviceCredentials() {
    return Refusals.read(
        "iam:ListServiceSpecificCredentials",
        callerArn,
        () -> {
          List<UserCredential> credentials = new ArrayList<>();
          String marker = null;
          do {
            String from = marker;
            ListServiceSpecificCredentialsResponse page =
                iam.listServiceSpecificCredentials(
                    r ->
                        r.allUsers(true)
                            .maxItems(1000)
                            .marker(from)
                            .overrideConfiguration(
                                o -> o.addPlugin(OptionalCalls.RETRY_THROTTLING_ONLY)));
            page.serviceSpecificCredentials()
                .forEach(
                    c ->
                        credentials.add(
                            new UserCredential(
                                UserCredential.Kind.SERVICE_SPECIFIC,
                                c.userName(),
                                c.serviceSpecificCredentialId(),
                                Objects.toString(c.serviceName(), ""),
                                c.status() == StatusType.ACTIVE,
                                c.createDate(),
                                Optional.ofNullable(c.expirationDate()))));
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
          } while (marker != null);
          return credentials;
        });
  }

  /**
   * Whether the Organization manages root credentials centrally. IAM answers only in the management
   * account or its delegated administrator; elsewhere, and outside an Organization, it is not known
   * here.
   */
  Reading<Boolean> rootCredentialsManagement() {
    return readRootCredentialsManagement();
  }

  private Reading<Boolean> readRootCredentialsManagement() {
    try {
      List<FeatureType> features =
          iam.listOrganizationsFeatures(
                  r ->
                      r.overrideConfiguration(
                          o -> o.addPlugin(OptionalCalls.RETRY_THROTTLING_ONLY)))
              .enabledFeatures();
      return Reading.of(features.contains(FeatureType.ROOT_CREDENTIALS_MANAGEMENT));
    } catch (ServiceAccessNotEnabledException e) {
      return Reading.of(false);
    } catch (AccountNotManagementOrDelegatedAdministratorException e) {
      return Reading.missing(
          "only the Organization's management account or the IAM delegated administrator can read"
              + " its root-credential features (iam:ListOrganizationsFeatures)");
    } catch (OrganizationNotFoundException e) {
      return Reading.missing(
          "the account is not in an AWS Organization, so there is no central root access to manage");
    } catch (AwsServiceException e) {
      return Reading.missing(
          Refusals.reason("iam:ListOrganizationsFeatures", callerArn, e).orElseThrow(() -> e));
    }
  }

  static Set<String> virtualMfaUsers(List<VirtualMFADevice> devices) {
    Set<String> users = new HashSet<>();
    for (VirtualMFADevice device : devices) {
      if (device.user() != null
          && device.user().arn() != null
          && !device.user().arn().endsWith(":root")) {
        users.add(device.user().arn());
      }
    }
    return users;
  }

  static PasswordRules passwordRules(
      Optional<software.amazon.awssdk.services.iam.model.PasswordPolicy> policy) {
    return policy
        .map(
            p ->
                new PasswordRules(
                    Boolean.TRUE.equals(p.requireUppercaseCharacters()),
                    Boolean.TRUE.equals(p.requireLowercaseCharacters()),
                    Boolean.TRUE.equals(p.requireNumbers()),
                    Boolean.TRUE.equals(p.requireSymbols())))
        .orElse(PasswordRules.none());
  }
}
