package dev.keywarden.inventory;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rest of an account's IAM beyond users and their access keys: roles, customer-managed
 * policies, server certificates, the other long-lived user credentials, and the account-level
 * settings of CIS section 1. Read once with the rest of the inventory; absent offline.
 *
 * @param roles every IAM role, from the same {@code GetAccountAuthorizationDetails} pages as the
 *     users
 * @param localPolicies every customer-managed policy
 * @param serverCertificates {@code ListServerCertificates}
 * @param signingCertificates signing certificates whose upload date the credential report did not
 *     give ({@code ListSigningCertificates}, called only for users whose report row shows an active
 *     certificate without a date)
 * @param sshPublicKeys {@code ListSSHPublicKeys} for every user: one call per user, so read only
 *     when configured
 * @param serviceCredentials {@code ListServiceSpecificCredentials} with {@code AllUsers}: one call
 *     (plus pages) for the account
 * @param virtualMfaUsers ARNs of the users whose assigned MFA device is a virtual one
 * @param passwordRules the password policy's character-class requirements
 * @param accessAnalyzer whether an active IAM Access Analyzer (account or organization) covers the
 *     audited region
 * @param rootCredentialsManagement whether the Organization manages member accounts' root
 *     credentials centrally ({@code ListOrganizationsFeatures})
 */
public record IamSurface(
    List<IamRole> roles,
    List<ManagedPolicy> localPolicies,
    Reading<List<ServerCertificate>> serverCertificates,
    Reading<List<UserCredential>> signingCertificates,
    Reading<List<UserCredential>> sshPublicKeys,
    Reading<List<UserCredential>> serviceCredentials,
    Set<String> virtualMfaUsers,
    PasswordRules passwordRules,
    Reading<Boolean> accessAnalyzer,
    Reading<Boolean> rootCredentialsManagement) {
  public IamSurface {
    roles = List.copyOf(roles);
    localPolicies = List.copyOf(localPolicies);
    Objects.requireNonNull(serverCertificates, "serverCertificates");
    Objects.requireNonNull(signingCertificates, "signingCertificates");
    Objects.requireNonNull(sshPublicKeys, "sshPublicKeys");
    Objects.requireNonNull(serviceCredentials, "serviceCredentials");
    virtualMfaUsers = Set.copyOf(virtualMfaUsers);
    Objects.requireNonNull(passwordRules, "passwordRules");
    Objects.requireNonNull(accessAnalyzer, "accessAnalyzer");
    Objects.requireNonNull(rootCredentialsManagement, "rootCredentialsManagement");
  }
}
