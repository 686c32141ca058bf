package dev.keywarden.checks;

import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.AccountSummary;
import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamGroup;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.PolicyDocument;
import dev.keywarden.inventory.ReportColumn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds inventories for check tests, so each test states only the facts it is about.
 *
 * <p>{@link #offline()} has only the credential report; {@link #online()} also has authorization
 * details (one IAM user per report row, with the row's tags and policies), a clean account summary,
 * a strong password policy and hardware root MFA, each replaceable.
 */
final class Inventories {
  static final String ACCOUNT = "123456789012";
  static final Instant AS_OF = Instant.parse("2026-11-24T12:00:00Z");
  static final String ROOT_ARN = "arn:aws:iam::" + ACCOUNT + ":root";

  private final boolean online;
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, IamGroup> groups = new LinkedHashMap<>();
  private final EnumSet<ReportColumn> columns = EnumSet.allOf(ReportColumn.class);
  private Row root;
  private Optional<AccountSummary> summary;
  private Optional<PasswordPolicy> passwordPolicy;
  private Optional<Boolean> rootVirtualMfa;
  private AuditPolicy policy = AuditPolicy.defaults();
  private Optional<dev.keywarden.inventory.IamSurface> surface = Optional.empty();
  private final List<ExemptionGrant> grants = new ArrayList<>();

  private Inventories(boolean online) {
    this.online = online;
    this.summary = online ? Optional.of(new AccountSummary(true, false, 0)) : Optional.empty();
    this.passwordPolicy =
        online
            ? Optional.of(new PasswordPolicy(true, 14, Optional.of(24), Optional.empty()))
            : Optional.empty();
    this.rootVirtualMfa = online ? Optional.of(false) : Optional.empty();
  }

  static Inventories offline() {
    return new Inventories(false);
  }

  static Inventories online() {
    return new Inventories(true);
  }

  /** An IAM user row: created a year before {@link #AS_OF}, no password, no MFA, no keys. */
  static Row user(String name) {
    return new Row(name, "arn:aws:iam::" + ACCOUNT + ":user/" + name);
  }

  /** The root row: no MFA unless set, no keys, never used. */
  static Row root() {
    return new Row(CredentialReportRow.ROOT, ROOT_ARN);
  }

  static Instant ago(Duration duration) {
    return AS_OF.minus(duration);
  }

  static Instant daysAgo(long days) {
    return AS_OF.minus(Duration.ofDays(days));
  }

  static PolicyDocument inline(String name, String json) {
    return new PolicyDocument(name, "", json);
  }

  static PolicyDocument managed(String name, String json) {
    return new PolicyDocument(name, "arn:aws:iam::" + ACCOUNT + ":policy/" + name, json);
  }

  static PolicyDocument administratorAccess() {
    return new PolicyDocument("AdministratorAccess", PolicyDocument.ADMINISTRATOR_ACCESS_ARN, "");
  }

  Inventories with(Row... users) {
    rows.addAll(List.of(users));
    return this;
  }

  Inventories withRoot(Row rootRow) {
    this.root = rootRow;
    return this;
  }

  Inventories without(ReportColumn... missing) {
    columns.removeAll(List.of(missing));
    return this;
  }

  Inventories group(String name, PolicyDocument... attached) {
    groups.put(name, new IamGroup(name, List.of(attached), List.of()));
    return this;
  }

  Inventories groupWithInline(String name, PolicyDocument... inline) {
    groups.put(name, new IamGroup(name, List.of(), List.of(inline)));
    return this;
  }

  Inventories summary(boolean rootMfaEnabled, boolean rootAccessKeysPresent) {
    this.summary =
        Optional.of(new AccountSummary(rootMfaEnabled, rootAccessKeysPresent, rows.size()));
    return this;
  }

  Inventories passwordPolicy(PasswordPolicy value) {
    this.passwordPolicy = Optional.of(value);
    return this;
  }

  Inventories rootVirtualMfa(boolean value) {
    this.rootVirtualMfa = Optional.of(value);
    return this;
  }

  /** The wider IAM surface (roles, policies, certificates, account settings); none unless set. */
  Inventories surface(SurfaceFixture value) {
    this.surface = Optional.of(value.build());
    return this;
  }

  /** A central grant for the user until the day, for the checks given (none: every check). */
  Inventories grant(String user, String until, String reason, String... checks) {
    grants.add(
        new ExemptionGrant(
            ACCOUNT,
            user,
            java.time.LocalDate.parse(until),
            reason,
            java.util.Set.of(checks),
            "arn:aws:iam::" + ACCOUNT + ":role/security-team",
            AS_OF.minus(java.time.Duration.ofDays(1))));
    return this;
  }

  Inventories policy(AuditPolicy value) {
    this.policy = value;
    return this;
  }

  AccountInventory build() {
    List<CredentialReportRow> users = new ArrayList<>();
    int line = 2;
    for (Row row : rows) {
      users.add(row.toReportRow(line++));
    }
    CredentialReport report =
        new CredentialReport(columns, users, Optional.ofNullable(root).map(r -> r.toReportRow(1)));
    Optional<AuthorizationDetails> authorization = Optional.empty();
    if (online) {
      Map<String, IamUser> iamUsers = new LinkedHashMap<>();
      rows.forEach(r -> iamUsers.put(r.name, r.toIamUser()));
      authorization = Optional.of(new AuthorizationDetails(iamUsers, groups));
    }
    return new AccountInventory(
        ACCOUNT,
        AS_OF,
        report,
        authorization,
        summary,
        passwordPolicy,
        rootVirtualMfa,
        Optional.empty(),
        surface);
  }

  CheckContext at(Instant asOf) {
    return new CheckContext(build(), policy, asOf, grants);
  }

  CheckContext context() {
    return at(AS_OF);
  }

  /** One principal: its report row and, online, its IAM user. */
  static final class Row {
    final String name;
    final String arn;
    private Instant created = daysAgo(365);
    private boolean password;
    private Optional<Instant> passwordLastUsed = Optional.empty();
    private Optional<Instant> passwordLastChanged = Optional.empty();
    private boolean mfa;
    private final AccessKeySlot[] keys = {
      new AccessKeySlot(1, false, Optional.empty(), Optional.empty()),
      new AccessKeySlot(2, false, Optional.empty(), Optional.empty())
    };
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<String> groups = new ArrayList<>();
    private final List<PolicyDocument> attached = new ArrayList<>();
    private final List<PolicyDocument> inline = new ArrayList<>();
    private final List<dev.keywarden.inventory.CertificateSlot> certificates = new ArrayList<>();

    private Row(String name, String arn) {
      this.name = name;
      this.arn = arn;
    }

    String key(int slot) {
      return arn + "#access_key_" + slot;
    }

    Row created(Instant when) {
      this.created = when;
      return this;
    }

    /** A console password, last used at {@code lastUsed} (null: never). */
    Row password(Instant lastUsed) {
      this.password = true;
      this.passwordLastUsed = Optional.ofNullable(lastUsed);
      return this;
    }

    Row passwordChanged(Instant when) {
      this.passwordLastChanged = Optional.of(when);
      return this;
    }

    Row passwordUsed(Instant when) {
      this.passwordLastUsed = Optional.of(when);
      return this;
    }

    Row mfa() {
      this.mfa = true;
      return this;
    }

    /**
     * An active key last rotated at {@code rotated}, last used at {@code lastUsed} (null: never).
     */
    Row key(int slot, Instant rotated, Instant lastUsed) {
      keys[slot - 1] =
          new AccessKeySlot(slot, true, Optional.of(rotated), Optional.ofNullable(lastUsed));
      return this;
    }

    /** An active key rotated at {@code rotated} and used an hour before the audit. */
    Row key(int slot, Instant rotated) {
      return key(slot, rotated, ago(Duration.ofHours(1)));
    }

    Row inactiveKey(int slot, Instant rotated, Instant lastUsed) {
      keys[slot - 1] =
          new AccessKeySlot(slot, false, Optional.of(rotated), Optional.ofNullable(lastUsed));
      return this;
    }

    Row tag(String key, String value) {
      tags.put(key, value);
      return this;
    }

    Row inGroup(String group) {
      groups.add(group);
      return this;
    }

    Row attached(PolicyDocument policy) {
      attached.add(policy);
      return this;
    }

    /**
     * A signing-certificate slot: active or not, rotated at {@code rotated} (null: the report says
     * N/A).
     */
    Row certificate(int slot, boolean active, Instant rotated) {
      certificates.add(
          new dev.keywarden.inventory.CertificateSlot(slot, active, Optional.ofNullable(rotated)));
      return this;
    }

    Row inline(PolicyDocument policy) {
      inline.add(policy);
      return this;
    }

    private CredentialReportRow toReportRow(int line) {
      return new CredentialReportRow(
          name,
          arn,
          line,
          Optional.of(created),
          password,
          passwordLastUsed,
          passwordLastChanged,
          mfa,
          List.of(keys),
          certificates);
    }

    private IamUser toIamUser() {
      return new IamUser(name, arn, created, tags, groups, attached, inline);
    }
  }
}
