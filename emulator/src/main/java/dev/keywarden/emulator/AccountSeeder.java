package dev.keywarden.emulator;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Writes users, keys, groups, policies and MFA devices into an account, so that the demo, the
 * benchmark and the integration tests arrange the local emulator in the same few words.
 *
 * <p>Meant for the emulator: {@link #enableVirtualMfa} sends fixed authentication codes, which the
 * emulator accepts and real IAM would not.
 */
public final class AccountSeeder {
  private final IamClient iam;

  private AccountSeeder(IamClient iam) {
    this.iam = Objects.requireNonNull(iam, "iam");
  }

  public static AccountSeeder using(IamClient iam) {
    return new AccountSeeder(iam);
  }

  /** Creates a user with the tags, key to value; returns the user's ARN. */
  public String createUser(String name, Map<String, String> tags) {
    return iam.createUser(
            r ->
                r.userName(name)
                    .tags(
                        tags.entrySet().stream()
                            .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                            .toList()))
        .user()
        .arn();
  }

  /** Gives the user a console password, making it a console user. */
  public void addConsolePassword(String user, String password) {
    iam.createLoginProfile(r -> r.userName(user).password(password));
  }

  /** Creates an active access key for the user; returns its id (the secret is dropped). */
  public String addAccessKey(String user) {
    return iam.createAccessKey(r -> r.userName(user)).accessKey().accessKeyId();
  }

  /** Deactivates one of the user's keys, as a rotation in progress leaves it. */
  public void deactivateAccessKey(String user, String accessKeyId) {
    iam.updateAccessKey(r -> r.userName(user).accessKeyId(accessKeyId).status("Inactive"));
  }

  public void createGroup(String group) {
    iam.createGroup(r -> r.groupName(group));
  }

  public void addUserToGroup(String user, String group) {
    iam.addUserToGroup(r -> r.userName(user).groupName(group));
  }

  /** Creates a customer-managed policy; returns its ARN. */
  public String createPolicy(String name, String document) {
    return iam.createPolicy(r -> r.policyName(name).policyDocument(document)).policy().arn();
  }

  public void attachUserPolicy(String user, String policyArn) {
    iam.attachUserPolicy(r -> r.userName(user).policyArn(policyArn));
  }

  public void attachGroupPolicy(String group, String policyArn) {
    iam.attachGroupPolicy(r -> r.groupName(group).policyArn(policyArn));
  }

  public void putUserPolicy(String user, String policyName, String document) {
    iam.putUserPolicy(r -> r.userName(user).policyName(policyName).policyDocument(document));
  }

  public void putGroupPolicy(String group, String policyName, String document) {
    iam.putGroupPolicy(r -> r.groupName(group).policyName(policyName).policyDocument(document));
  }

  /**
   * Creates a virtual MFA device named after the user and enables it for the user; returns its
   * serial.
   */
  public String enableVirtualMfa(String user) {
    String serial =
        iam.createVirtualMFADevice(r -> r.virtualMFADeviceName(user + "-mfa"))
            .virtualMFADevice()
            .serialNumber();
    iam.enableMFADevice(
        r ->
            r.userName(user)
                .serialNumber(serial)
                .authenticationCode1("123456")
                .authenticationCode2("654321"));
    return serial;
  }

  /** Sets the account's password policy; a reuse prevention or maximum age of 0 leaves it off. */
  public void setPasswordPolicy(int minimumLength, int reusePrevention, int maxAgeDays) {
    iam.updateAccountPasswordPolicy(
        r -> {
          r.minimumPasswordLength(minimumLength);
          if (reusePrevention > 0) {
            r.passwordReusePrevention(reusePrevention);
          }
          if (maxAgeDays > 0) {
            r.maxPasswordAge(maxAgeDays);
          }
        });
  }

  /** Creates a role with the trust policy; returns its ARN. */
  public String createRole(String name, String trustPolicy) {
    return iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trustPolicy)).role().arn();
  }

  public void putRolePolicy(String role, String policyName, String document) {
    iam.putRolePolicy(r -> r.roleName(role).policyName(policyName).policyDocument(document));
  }

  public void attachRolePolicy(String role, String policyArn) {
    iam.attachRolePolicy(r -> r.roleName(role).policyArn(policyArn));
  }

  /** Stores a TLS server certificate in IAM (the emulator does not read the key). */
  public void uploadServerCertificate(String name, String certificateBody, String privateKey) {
    iam.uploadServerCertificate(
        r -> r.serverCertificateName(name).certificateBody(certificateBody).privateKey(privateKey));
  }

  /** Uploads an X.509 signing certificate for the user; returns its id. */
  public String uploadSigningCertificate(String user, String certificateBody) {
    return iam.uploadSigningCertificate(r -> r.userName(user).certificateBody(certificateBody))
        .certificate()
        .certificateId();
  }

  /** Uploads an SSH public key (CodeCommit) for the user; returns its id. */
  public String uploadSshPublicKey(String user, String publicKeyBody) {
    return iam.uploadSSHPublicKey(r -> r.userName(user).sshPublicKeyBody(publicKeyBody))
        .sshPublicKey()
        .sshPublicKeyId();
  }
}
