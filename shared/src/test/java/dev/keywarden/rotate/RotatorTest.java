package dev.keywarden.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.KeywardenException;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.CheckRunner;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.RotationSettings;
import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.AccountSummary;
import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.ReportColumn;
import dev.keywarden.remediate.AccessKeys;
import dev.keywarden.remediate.KeyStatus;
import dev.keywarden.remediate.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rotator's crash rules, on ports kept in memory: which key an unfinished attempt made, and
 * what becomes of it.
 */
class RotatorTest {
  private static final String ACCOUNT = "123456789012";
  private static final String USER = "svc-orders";
  private static final Instant OLD = Instant.parse("2026-10-01T09:00:00Z");
  private static final Instant DEADLINE = OLD.plus(Duration.ofDays(30));
  private static final Instant INTENT_AT = DEADLINE.minus(Duration.ofDays(13));
  private static final RotationSettings ON =
      new RotationSettings(false, List.of(ACCOUNT), 24, Optional.empty());
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  /** IAM's keys and calls, in memory. */
  static final class Iam implements RotationKeys, AccessKeys {
    final Map<String, RotationKeys.Key> keys = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    Instant clock = INTENT_AT;
    int made;

    @Override
    public List<RotationKeys.Key> keys(String userName) {
      calls.add("ListAccessKeys");
      return List.copyOf(keys.values());
    }

    @Override
    public NewAccessKey create(String userName) {
      calls.add("CreateAccessKey");
      String id = "AKIANEW" + (++made);
      keys.put(id, new RotationKeys.Key(id, true, clock));
      return new NewAccessKey(userName, id, SECRET, clock);
    }

    @Override
    public Optional<Instant> lastUsed(String accessKeyId) {
      calls.add("GetAccessKeyLastUsed");
      return Optional.empty();
    }

    @Override
    public Optional<String> accessKeyId(String userName, Instant lastRotated) {
      throw new AssertionError("not used by the rotator");
    }

    @Override
    public KeyStatus status(String userName, String accessKeyId) {
      calls.add("ListAccessKeys");
      RotationKeys.Key key = keys.get(accessKeyId);
      return key == null ? KeyStatus.MISSING : key.active() ? KeyStatus.ACTIVE : KeyStatus.INACTIVE;
    }

    @Override
    public void deactivate(String userName, String accessKeyId) {
      calls.add("UpdateAccessKey");
      RotationKeys.Key key = keys.get(accessKeyId);
      keys.put(accessKeyId, new RotationKeys.Key(accessKeyId, false, key.created()));
    }

    @Override
    public void reactivate(String userName, String accessKeyId) {
      throw new AssertionError("never");
    }

    @Override
    public KeyStatus awaitStatus(String userName, String accessKeyId, KeyStatus expected) {
      return status(userName, accessKeyId);
    }
  }

  /**
   * Secrets Manager in memory: secret name to version tokens; fails the next {@code failures}
   * writes.
   */
  static final class Vault implements SecretVault {
    final Map<String, List<String>> versions = new HashMap<>();
    final List<String> values = new ArrayList<>();
    int failures;

    @Override
    public void store(
        String accountId,
        String secretName,
        NewAccessKey key,
        String versionToken,
        Optional<String> kmsKeyId) {
      if (failures > 0) {
        failures--;
        throw new KeywardenException(
            "secretsmanager:PutSecretValue failed for secret " + secretName + ": InternalFailure");
      }
      versions.computeIfAbsent(secretName, k -> new ArrayList<>()).add(versionToken);
      values.add(key.secretAccessKey());
    }

    @Override
    public boolean holds(String secretName, String versionToken) {
      return versions.getOrDefault(secretName, List.of()).contains(versionToken);
    }

    @Override
    public void delete(String secretName) {
      versions.remove(secretName);
    }
  }

  /** The rotation records in memory, with the store's version rule. */
  static final class Store implements RotationStore {
    final Map<String, RotationRecord> records = new LinkedHashMap<>();

    @Override
    public Map<String, RotationRecord> rotations(String accountId) {
      return Map.copyOf(records);
    }

    @Override
    public List<RotationRecord> all() {
      return List.copyOf(records.values());
    }

    @Override
    public boolean put(RotationRecord record) {
      RotationRecord stored = records.get(record.userName());
      boolean ok =
          record.version() == 1
              ? stored == null || stored.phase().finished()
              : stored != null && stored.version() == record.version() - 1;
      if (ok) {
        records.put(record.userName(), record);
      }
      return ok;
    }
  }

  private final Iam iam = new Iam();
  private final Vault vault = new Vault();
  private final Store store = new Store();
  private final Rotator rotator = Rotator.create(iam, vault, store, iam, ON);

  private static AccountInventory inventory(Instant... keysCreated) {
    String arn = "arn:aws:iam::" + ACCOUNT + ":user/" + USER;
    List<AccessKeySlot> slots = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      slots.add(
          i < keysCreated.length
              ? new AccessKeySlot(i + 1, true, Optional.of(keysCreated[i]), Optional.empty())
              : new AccessKeySlot(i + 1, false, Optional.empty(), Optional.empty()));
    }
    CredentialReportRow row =
        new CredentialReportRow(
            USER,
            arn,
            2,
            Optional.of(OLD),
            false,
            Optional.empty(),
            Optional.empty(),
            false,
            slots);
    IamUser user =
        new IamUser(
            USER,
            arn,
            OLD,
            Map.of(
                "owner",
                "orders@example.com",
                AuditPolicy.MAX_KEY_AGE_TAG,
                "30",
                RotationPlanner.TAG,
                RotationPlanner.ASSISTED),
            List.of(),
            List.of(),
            List.of());
    return new AccountInventory(
        ACCOUNT,
        OLD,
        new CredentialReport(EnumSet.allOf(ReportColumn.class), List.of(row), Optional.empty()),
        Optional.of(new AuthorizationDetails(Map.of(USER, user), Map.of())),
        Optional.of(new AccountSummary(true, false, 1)),
        Optional.of(PasswordPolicy.absent()),
        Optional.of(false),
        Optional.empty());
  }

  private Rotator.Prepared prepare(AccountInventory inventory, Mode mode, Instant now) {
    AuditResult audit = CheckRunner.run(new CheckContext(inventory, AuditPolicy.defaults(), now));
    return rotator.prepare(
        ACCOUNT,
        "run-2",
        inventory,
        audit,
        Map.of(),
        List.of(14, 7, 1),
        mode,
        Optional.empty(),
        now,
        20);
  }

  private Rotator.Report execute(
      Rotator.Prepared prepared, AccountInventory inventory, Instant now) {
    return rotator.execute(
        prepared,
        ACCOUNT,
        "run-2",
        inventory,
        List.of(),
        List.of("owner"),
        Optional.empty(),
        now,
        () -> false);
  }

  private void intent() {
    iam.keys.put("AKIAOLD", new RotationKeys.Key("AKIAOLD", true, OLD));
    store.put(
        new RotationRecord(
            ACCOUNT,
            USER,
            "attempt-1",
            "AKIAOLD",
            OLD,
            DEADLINE,
            "keywarden/access-keys/" + USER,
            RotationRecord.Phase.INTENT,
            Optional.empty(),
            Optional.empty(),
            INTENT_AT,
            INTENT_AT,
            "run-1",
            "creating",
            1));
  }

  @ParameterizedTest(name = "a key made {0} s after the intent is the attempt's: {1}")
  @CsvSource({"-301, false", "-300, true", "0, true", "900, true", "901, false"})
  void unfinishedIntent_takesOnlyAKeyMadeNearIt_andDeactivatesItWhenItsSecretWasNotWritten(
      long seconds, boolean taken) {
    intent();
    iam.keys.put(
        "AKIAOTHER", new RotationKeys.Key("AKIAOTHER", true, INTENT_AT.plusSeconds(seconds)));

    prepare(
        inventory(OLD, INTENT_AT.plusSeconds(seconds)),
        Mode.ENFORCE,
        INTENT_AT.plus(Duration.ofHours(1)));

    RotationRecord after = store.records.get(USER);
    assertThat(after.phase()).isEqualTo(RotationRecord.Phase.ABANDONED);
    assertThat(iam.keys.get("AKIAOTHER").active())
        .as("the other key is deactivated only when it is the attempt's")
        .isEqualTo(!taken);
    assertThat(after.newKeyId()).isEqualTo(taken ? Optional.of("AKIAOTHER") : Optional.empty());
    assertThat(after.note())
        .contains(taken ? "ended before writing its secret" : "before a key was created");
    assertThat(iam.keys.get("AKIAOLD").active()).isTrue();
  }

  @Test
  void unfinishedIntent_whoseSecretWasWritten_isRecordedAsDone_withoutAnotherCall() {
    intent();
    iam.keys.put("AKIAMADE", new RotationKeys.Key("AKIAMADE", true, INTENT_AT.plusSeconds(1)));
    vault.versions.put("keywarden/access-keys/" + USER, List.of("attempt-1"));

    Rotator.Prepared prepared =
        prepare(
            inventory(OLD, INTENT_AT.plusSeconds(1)), Mode.ENFORCE, INTENT_AT.plusSeconds(3600));

    assertThat(store.records.get(USER).phase()).isEqualTo(RotationRecord.Phase.IN_PROGRESS);
    assertThat(store.records.get(USER).newKeyId()).contains("AKIAMADE");
    assertThat(iam.keys.get("AKIAMADE").active()).isTrue();
    assertThat(iam.calls).doesNotContain("CreateAccessKey", "UpdateAccessKey");
    assertThat(prepared.plan().watching()).hasSize(1);
  }

  @ParameterizedTest(name = "{0} failed secret write(s): {1}")
  @CsvSource({"0, IN_PROGRESS", "1, IN_PROGRESS", "2, ABANDONED"})
  void secretWrite_isTriedTwice_thenTheKeyJustMadeIsDeactivated(
      int failures, RotationRecord.Phase phase) {
    iam.keys.put("AKIAOLD", new RotationKeys.Key("AKIAOLD", true, OLD));
    vault.failures = failures;
    AccountInventory inventory = inventory(OLD);

    Rotator.Report report =
        execute(prepare(inventory, Mode.ENFORCE, INTENT_AT), inventory, INTENT_AT);

    RotationRecord after = store.records.get(USER);
    assertThat(after.phase()).isEqualTo(phase);
    assertThat(after.newKeyId()).contains("AKIANEW1");
    assertThat(iam.keys.get("AKIANEW1").active())
        .isEqualTo(phase == RotationRecord.Phase.IN_PROGRESS);
    assertThat(iam.keys).hasSize(2);
    assertThat(report.drafts()).hasSize(phase == RotationRecord.Phase.IN_PROGRESS ? 1 : 0);
    assertThat(report.notCreated()).hasSize(phase == RotationRecord.Phase.IN_PROGRESS ? 0 : 1);
    assertThat(report.drafts())
        .allSatisfy(d -> assertThat(d.body()).doesNotContain(SECRET).contains("AKIANEW1"));
    assertThat(store.records.values())
        .allSatisfy(r -> assertThat(r.toString()).doesNotContain(SECRET));
    assertThat(new NewAccessKey(USER, "AKIANEW1", SECRET, INTENT_AT).toString())
        .doesNotContain(SECRET);
  }

  @Test
  void dryRun_callsNothingAndWritesNothing() {
    intent();
    AccountInventory inventory = inventory(OLD);

    Rotator.Prepared prepared = prepare(inventory, Mode.DRY_RUN, INTENT_AT.plusSeconds(3600));
    Rotator.Report report = execute(prepared, inventory, INTENT_AT.plusSeconds(3600));

    assertThat(iam.calls).isEmpty();
    assertThat(store.records.get(USER).phase()).isEqualTo(RotationRecord.Phase.INTENT);
    assertThat(report.drafts()).isEmpty();
    assertThat(prepared.handledKeys()).as("a dry run leaves the ordinary notices alone").isEmpty();
  }
}
