package dev.keywarden.demo;

import dev.keywarden.config.AuditPolicy;
import dev.keywarden.emulator.AccountSeeder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The people and service users of the demo Organization's accounts, each arranged to show a part of
 * the catalogue or of the loop (notices, deactivation, exemption), so that the demo has something
 * true to say about each.
 *
 * <p>Keys are made at the real time (the emulator cannot backdate them), so ages are arranged with
 * {@code keywarden:max-key-age} tags: a key on a 21-day limit reaches its notice stages and its
 * deadline within the demo's simulated weeks.
 */
public final class DemoAccount {
  /** One seeded user and the story the demo tells about it. */
  public record SeededUser(String name, String story) {}

  /** The kinds of account the demo Organization holds, each with its own cast. */
  public enum Kind {
    /** The management account: an administrator and a billing export. */
    MANAGEMENT,
    /** A production account: service keys on short rotation limits. */
    PAYMENTS,
    /** A data account: an unowned legacy job, a broken exemption, a dormant person. */
    DATA,
    /** A sandbox: developers, an administrator without MFA, an exempted contractor. */
    SANDBOX
  }

  /** The owner of keys in the payments account, whose notices tell the deadline story. */
  public static final String PAYMENTS_OWNER = "payments-team@example.com";

  private static final String ADMIN_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final String READ_ONLY_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\"],\"Resource\":\"*\"}]}";

  private static final String S3_EVERYTHING_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
  private static final String TRUST_ANYONE_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}";

  private DemoAccount() {}

  /**
   * Writes the cast of one kind of account into the account the seeder points at.
   *
   * @param today the real date, from which exemption dates are set
   * @return the users, in the order they were created, with what each illustrates
   */
  public static List<SeededUser> seed(Kind kind, AccountSeeder seeder, LocalDate today) {
    return switch (kind) {
      case MANAGEMENT -> management(seeder);
      case PAYMENTS -> payments(seeder);
      case DATA -> data(seeder, today);
      case SANDBOX -> sandbox(seeder, today);
    };
  }

  private static List<SeededUser> management(AccountSeeder seeder) {
    seeder.setPasswordPolicy(14, 24, 0);
    String adminPolicy = seeder.createPolicy("everything", ADMIN_POLICY);
    seeder.createUser("breakglass-admin", Map.of("owner", "security-team@example.com"));
    seeder.addConsolePassword("breakglass-admin", "Demo-password-0!-long");
    seeder.enableVirtualMfa("breakglass-admin");
    seeder.attachUserPolicy("breakglass-admin", adminPolicy);

    seeder.createUser("svc-billing-export", Map.of("owner", "finance-team@example.com"));
    seeder.addAccessKey("svc-billing-export");
    seeder.createGroup("platform-admins");
    seeder.attachGroupPolicy("platform-admins", adminPolicy);
    return List.of(
        new SeededUser(
            "breakglass-admin",
            "the break-glass administrator: console with MFA, but admin rights on the user"),
        new SeededUser(
            "svc-billing-export", "a billing export whose key is never used: unused after 45 days"),
        new SeededUser(
            "<root>", "root without MFA (the emulator cannot give root a key or an MFA device)"),
        new SeededUser(
            "group/platform-admins", "a group granted *:* by the customer policy everything"));
  }

  private static List<SeededUser> payments(AccountSeeder seeder) {
    seeder.setPasswordPolicy(8, 0, 0);
    seeder.createGroup("developers");
    seeder.putGroupPolicy("developers", "read-buckets", READ_ONLY_POLICY);

    seeder.createUser(
        "svc-payments", Map.of("owner", PAYMENTS_OWNER, AuditPolicy.MAX_KEY_AGE_TAG, "21"));
    seeder.addAccessKey("svc-payments");

    seeder.createUser(
        "svc-deploy",
        Map.of("owner", "platform-team@example.com", AuditPolicy.MAX_KEY_AGE_TAG, "60"));
    seeder.addAccessKey("svc-deploy");

    seeder.createUser("erin", Map.of("owner", "erin@example.com"));
    seeder.addConsolePassword("erin", "Demo-password-1!");
    seeder.enableVirtualMfa("erin");
    seeder.addUserToGroup("erin", "developers");
    return List.of(
        new SeededUser(
            "svc-payments",
            "a payment service's key on a 21-day limit: notices at 14, 7 and 1 days, then deactivation"),
        new SeededUser(
            "svc-deploy", "a deployment key on a 60-day limit (keywarden:max-key-age=60)"),
        new SeededUser("erin", "a developer with console access, MFA and group-only permissions"));
  }

  private static List<SeededUser> data(AccountSeeder seeder, LocalDate today) {
    seeder.createUser("svc-legacy-etl", Map.of(AuditPolicy.MAX_KEY_AGE_TAG, "29"));
    seeder.addAccessKey("svc-legacy-etl");
    seeder.uploadSigningCertificate("svc-legacy-etl", DemoCertificate.PEM);
    // The emulator lists every server certificate as expired in 2012.
    seeder.uploadServerCertificate(
        "reports-legacy-tls", DemoCertificate.PEM, "demo placeholder, not a key");
    seeder.createPolicy("etl-buckets", S3_EVERYTHING_POLICY);

    // Two keys made in the same second cannot be told apart by the credential report, so this user,
    // whose keys are never deactivated in the demo, holds both.
    seeder.createUser("svc-reports", Map.of("owner", "reports team"));
    seeder.addAccessKey("svc-reports");
    seeder.addAccessKey("svc-reports");

    seeder.createUser(
        "svc-old-exception",
        Map.of(
            "owner",
            "data-team@example.com",
            AuditPolicy.EXEMPT_UNTIL_TAG,
            today.minusDays(200).toString(),
            AuditPolicy.EXEMPT_REASON_TAG,
            "Temporary until the migration"));
    seeder.addAccessKey("svc-old-exception");

    seeder.createUser("frank", Map.of("owner", "frank@example.com"));
    seeder.addConsolePassword("frank", "Demo-password-2!");
    seeder.addAccessKey("frank");
    return List.of(
        new SeededUser(
            "svc-legacy-etl",
            "an old ETL job: a key on a 29-day limit and no owner, so the security team is told"),
        new SeededUser(
            "svc-reports",
            "a reporting job with two active keys, whose owner tag is not an e-mail address"),
        new SeededUser(
            "svc-old-exception",
            "a service user whose exemption expired on " + today.minusDays(200)),
        new SeededUser(
            "frank",
            "a dormant person: console without MFA and a key made with the user, never used"),
        new SeededUser(
            "server-certificate/reports-legacy-tls",
            "an expired TLS certificate still stored in IAM"),
        new SeededUser(
            "policy/etl-buckets", "a customer policy granting s3:* (every action of a service)"));
  }

  private static List<SeededUser> sandbox(AccountSeeder seeder, LocalDate today) {
    String adminPolicy = seeder.createPolicy("everything", ADMIN_POLICY);

    seeder.createUser("alice", Map.of("owner", "alice@example.com"));
    seeder.addConsolePassword("alice", "Demo-password-3!");
    seeder.enableVirtualMfa("alice");

    seeder.createUser("bob", Map.of("owner", "bob@example.com"));
    seeder.addConsolePassword("bob", "Demo-password-4!");
    seeder.addAccessKey("bob");
    seeder.attachUserPolicy("bob", adminPolicy);

    seeder.createUser(
        "dana-contractor",
        Map.of(
            "owner",
            "vendor-manager@example.com",
            AuditPolicy.EXEMPT_UNTIL_TAG,
            today.plusDays(120).toString(),
            AuditPolicy.EXEMPT_REASON_TAG,
            "Vendor offboarding ticket SEC-1234"));
    seeder.addConsolePassword("dana-contractor", "Demo-password-5!");
    seeder.addAccessKey("dana-contractor");

    seeder.createRole("sandbox-admin", TRUST_ANYONE_POLICY);
    seeder.putRolePolicy("sandbox-admin", "everything", ADMIN_POLICY);
    return List.of(
        new SeededUser("alice", "a developer with console access and MFA, no keys"),
        new SeededUser(
            "bob",
            "an administrator: console without MFA, a key made with the user, admin policy on the user"),
        new SeededUser(
            "dana-contractor",
            "a contractor whose tags ask for an exemption, granted centrally until "
                + today.plusDays(120)),
        new SeededUser(
            "role/sandbox-admin",
            "a role granted *:* that anyone in any account may assume (trust policy \"AWS\": \"*\")"));
  }
}
