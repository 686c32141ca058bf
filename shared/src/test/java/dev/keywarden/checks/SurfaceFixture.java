package dev.keywarden.checks;

import dev.keywarden.inventory.IamRole;
import dev.keywarden.inventory.IamSurface;
import dev.keywarden.inventory.ManagedPolicy;
import dev.keywarden.inventory.PasswordRules;
import dev.keywarden.inventory.PolicyDocument;
import dev.keywarden.inventory.Reading;
import dev.keywarden.inventory.ServerCertificate;
import dev.keywarden.inventory.UserCredential;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the wider IAM surface for check tests: nothing in it, everything read, unless a test says
 * otherwise.
 */
final class SurfaceFixture {
  static final String TRUST_ACCOUNT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";

  private final List<IamRole> roles = new ArrayList<>();
  private final List<ManagedPolicy> policies = new ArrayList<>();
  private Reading<List<ServerCertificate>> serverCertificates = Reading.of(List.of());
  private Reading<List<UserCredential>> signingCertificates = Reading.of(List.of());
  private Reading<List<UserCredential>> sshKeys = Reading.of(List.of());
  private Reading<List<UserCredential>> serviceCredentials = Reading.of(List.of());
  private final Set<String> virtualMfaUsers = new HashSet<>();
  private PasswordRules rules = new PasswordRules(true, true, true, true);
  private Reading<Boolean> analyzer = Reading.of(true);
  private Reading<Boolean> rootManagement = Reading.of(true);

  static SurfaceFixture surface() {
    return new SurfaceFixture();
  }

  static IamRole role(
      String name, Instant created, Instant lastUsed, String trust, PolicyDocument... attached) {
    return new IamRole(
        name,
        "arn:aws:iam::" + Inventories.ACCOUNT + ":role/" + name,
        "/",
        created,
        Optional.ofNullable(lastUsed),
        trust,
        List.of(attached),
        List.of());
  }

  static IamRole serviceLinkedRole(String name, Instant created) {
    return new IamRole(
        name,
        "arn:aws:iam::" + Inventories.ACCOUNT + ":role/aws-service-role/x.amazonaws.com/" + name,
        "/aws-service-role/x.amazonaws.com/",
        created,
        Optional.empty(),
        TRUST_ACCOUNT,
        List.of(),
        List.of());
  }

  static UserCredential credential(
      UserCredential.Kind kind,
      String user,
      String id,
      boolean active,
      Instant created,
      Instant expires) {
    return new UserCredential(
        kind,
        user,
        id,
        kind == UserCredential.Kind.SERVICE_SPECIFIC ? "codecommit.amazonaws.com" : "",
        active,
        created,
        Optional.ofNullable(expires));
  }

  SurfaceFixture role(IamRole role) {
    roles.add(role);
    return this;
  }

  SurfaceFixture policy(String name, String document, int attachments) {
    policies.add(
        new ManagedPolicy(
            name,
            "arn:aws:iam::" + Inventories.ACCOUNT + ":policy/" + name,
            document,
            attachments));
    return this;
  }

  SurfaceFixture serverCertificate(String name, Instant expiration) {
    List<ServerCertificate> list = new ArrayList<>(serverCertificates.value().orElse(List.of()));
    list.add(
        new ServerCertificate(
            name,
            "arn:aws:iam::" + Inventories.ACCOUNT + ":server-certificate/" + name,
            expiration));
    serverCertificates = Reading.of(list);
    return this;
  }

  SurfaceFixture serverCertificates(Reading<List<ServerCertificate>> value) {
    serverCertificates = value;
    return this;
  }

  SurfaceFixture signingCertificates(Reading<List<UserCredential>> value) {
    signingCertificates = value;
    return this;
  }

  SurfaceFixture sshKeys(Reading<List<UserCredential>> value) {
    sshKeys = value;
    return this;
  }

  SurfaceFixture serviceCredentials(Reading<List<UserCredential>> value) {
    serviceCredentials = value;
    return this;
  }

  SurfaceFixture virtualMfa(String userArn) {
    virtualMfaUsers.add(userArn);
    return this;
  }

  SurfaceFixture passwordRules(PasswordRules value) {
    rules = value;
    return this;
  }

  SurfaceFixture accessAnalyzer(Reading<Boolean> value) {
    analyzer = value;
    return this;
  }

  SurfaceFixture rootCredentialsManagement(Reading<Boolean> value) {
    rootManagement = value;
    return this;
  }

  IamSurface build() {
    return new IamSurface(
        roles,
        policies,
        serverCertificates,
        signingCertificates,
        sshKeys,
        serviceCredentials,
        virtualMfaUsers,
        rules,
        analyzer,
        rootManagement);
  }
}
