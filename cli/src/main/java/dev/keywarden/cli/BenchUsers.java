package dev.keywarden.cli;

import dev.keywarden.emulator.AccountSeeder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The account every bench audits, so that their figures compare: the same users, keys and
 * passwords.
 */
final class BenchUsers {
  private BenchUsers() {}

  /**
   * Creates {@code n} users, each with an active key; two in three carry an owner tag, and every
   * fifth is a person with a console password. The requests go through {@code pool}.
   */
  static void seed(AccountSeeder seeder, int n, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int id = i;
      work.add(
          pool.submit(
              () -> {
                String name = String.format(Locale.ROOT, "user-%05d", id);
                seeder.createUser(
                    name, id % 3 == 0 ? Map.of() : Map.of("owner", name + "@example.com"));
                seeder.addAccessKey(name);
                if (id % 5 == 0) {
                  seeder.addConsolePassword(name, "Bench-password-1!");
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
  }

  /** A trust policy naming the account's root, as most roles have. */
  static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";

  private static final String READ_ONLY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

  /**
   * Creates {@code n} roles, each with an inline policy, so that the audit reads roles as a real
   * account has them.
   */
  static void seedRoles(AccountSeeder seeder, int n, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = String.format(Locale.ROOT, "role-%04d", i);
      work.add(
          pool.submit(
              () -> {
                seeder.createRole(name, TRUST);
                seeder.putRolePolicy(name, "read", READ_ONLY);
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
  }
}
