package dev.keywarden.aws;

import dev.keywarden.config.AuditPolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Seeds one account with the people and service users that a real account holds, each arranged to
 * show a part of the catalogue, so that the demo's audit has something true to say about each.
 */
public final class DemoAccount {
  /** One seeded user and the story the demo tells about it. */
  public record SeededUser(String name, String story) {}

  private static final String ADMIN_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final String READ_ONLY_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\"],\"Resource\":\"*\"}]}";

  private DemoAccount() {}

  /**
   * Writes the demo users into the account the client points at.
   *
   * @param today the real date, from which exemption dates are set
   * @return the users, in the order they were created, with what each illustrates
   */
  public static List<SeededUser> seed(AccountSeeder seeder, LocalDate today) {
    seeder.setPasswordPolicy(8, 0, 0);
    seeder.createGroup("developers");
    seeder.putGroupPolicy("developers", "read-buckets", READ_ONLY_POLICY);
    String adminPolicy = seeder.createPolicy("everything", ADMIN_POLICY);

    seeder.createUser("alice", Map.of("owner", "alice@example.com"));
    seeder.addConsolePassword("alice", "Demo-password-1!");
    seeder.enableVirtualMfa("alice");
    seeder.addUserToGroup("alice", "developers");

    seeder.createUser("bob", Map.of("owner", "bob@example.com"));
    seeder.addConsolePassword("bob", "Demo-password-2!");
    seeder.addAccessKey("bob");
    seeder.attachUserPolicy("bob", adminPolicy);

    seeder.createUser("svc-deploy", Map.of("owner", "platform-team@example.com", AuditPolicy.MAX_KEY_AGE_TAG, "60"));
    seeder.addAccessKey("svc-deploy");

    seeder.createUser("svc-legacy-etl", Map.of(AuditPolicy.MAX_KEY_AGE_TAG, "30"));
    seeder.addAccessKey("svc-legacy-etl");
    seeder.addAccessKey("svc-legacy-etl");

    seeder.createUser("svc-reports", Map.of("owner", "reports team"));
    seeder.addAccessKey("svc-reports");

    seeder.createUser("dana-contractor", Map.of(
        "owner", "vendor-manager@example.com",
        AuditPolicy.EXEMPT_UNTIL_TAG, today.plusDays(120).toString(),
        AuditPolicy.EXEMPT_REASON_TAG, "Vendor offboarding ticket SEC-1234"));
    seeder.addConsolePassword("dana-contractor", "Demo-password-3!");
    seeder.addAccessKey("dana-contractor");

    seeder.createUser("svc-old-exception", Map.of(
        "owner", "data-team@example.com",
        AuditPolicy.EXEMPT_UNTIL_TAG, today.minusDays(200).toString(),
        AuditPolicy.EXEMPT_REASON_TAG, "Temporary until the migration"));
    seeder.addAccessKey("svc-old-exception");

    return List.of(
        new SeededUser("alice", "a developer with console access, MFA and group-only permissions"),
        new SeededUser("bob", "an administrator: console without MFA, a key made with the user, admin policy on the user"),
        new SeededUser("svc-deploy", "a deployment key on a 60-day rotation (keywarden:max-key-age=60)"),
        new SeededUser("svc-legacy-etl", "an old ETL job: two keys on a 30-day limit and no owner tag"),
        new SeededUser("svc-reports", "a reporting job whose owner tag is not an e-mail address"),
        new SeededUser("dana-contractor", "a contractor exempted by tag until " + today.plusDays(120)),
        new SeededUser("svc-old-exception", "a service user whose exemption expired on " + today.minusDays(200)));
  }
}
