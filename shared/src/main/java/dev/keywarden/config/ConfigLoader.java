package dev.keywarden.config;

import dev.keywarden.InvalidInputException;
import dev.keywarden.logging.LogLevels;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the audit thresholds once, at start-up, from defaults, an optional file and the
 * environment.
 *
 * <p>Later sources win: built-in defaults, then the file ({@code name = value} lines, {@code #}
 * comments), then {@code KEYWARDEN_*} environment variables. Every value is validated here, so a
 * bad setting fails before any AWS call, with a message naming the setting and where it came from.
 */
public final class ConfigLoader {

  /**
   * The settings, in the order the documentation lists them, each with the description it is
   * documented by.
   */
  enum Setting {
    MAX_KEY_AGE_DAYS(
        "max-key-age-days", 1, 3650, "90", "a key's deadline is its last rotation plus this"),
    NOTICE_WINDOW_DAYS(
        "notice-window-days",
        0,
        3650,
        "14",
        "`key-rotation-due` when the deadline is at most this far away"),
    UNUSED_DAYS(
        "unused-days", 1, 3650, "45", "keys and console passwords unused this long are flagged"),
    ROOT_WINDOW_DAYS(
        "root-window-days", 1, 3650, "30", "root sign-in or key use within this window is flagged"),
    MIN_PASSWORD_LENGTH(
        "min-password-length",
        6,
        128,
        "14",
        "the password policy's minimum length must reach this"),
    PASSWORD_REUSE_PREVENTION(
        "password-reuse-prevention",
        0,
        24,
        "24",
        "the password policy must remember this many passwords"),
    OWNER_TAG_KEYS(
        "owner-tag-keys",
        0,
        0,
        "`owner, Owner, email, keywarden:owner`",
        "user tags that name an owner, first match wins"),
    SSH_KEY_MAX_USERS(
        "ssh-key-max-users",
        0,
        100_000,
        "0",
        "`ssh-key-old` reads SSH public keys with one `iam:ListSSHPublicKeys` call per user (IAM has no account-wide listing), so only in accounts of at most this many users; 0 (the default) never reads them and the check is reported skipped, not passed (0 to 100000)"),
    CREDENTIAL_REPORT_WAIT_SECONDS(
        "credential-report-wait-seconds",
        1,
        900,
        "120",
        "how long to wait for IAM to generate the credential report"),
    MODE(
        "mode",
        0,
        0,
        "`dry-run`",
        "`enforce` deactivates keys past their limit; anything else is refused"),
    DEACTIVATION_CAP(
        "deactivation-cap",
        0,
        1000,
        "20",
        "at most this many keys deactivated per account per run; beyond it, `deactivation-deferred` and an alert"),
    NOTICE_STAGES_DAYS(
        "notice-stages-days",
        1,
        365,
        "`14, 7, 1`",
        "owners are told this many days before a key's deadline, each stage once"),
    FINDINGS_TABLE("findings-table", 0, 0, "`keywarden-findings`", "the DynamoDB table"),
    NOTICES_TOPIC_ARN(
        "notices-topic-arn",
        0,
        0,
        "none",
        "SNS topic for owners' notices (attributes `recipient`, `kind`, `accountId`); unset: no notices"),
    SECURITY_TOPIC_ARN(
        "security-topic-arn", 0, 0, "none", "SNS topic for the security team's alerts"),
    FALLBACK_OWNER(
        "fallback-owner",
        0,
        0,
        "none",
        "where notices go for users without a valid owner tag, in accounts without an owner tag of their own"),
    HISTORY_DAYS(
        "history-days",
        1,
        3650,
        "400",
        "resolved findings and run summaries expire after this (DynamoDB TTL)"),
    LEASE_SECONDS(
        "lease-seconds",
        60,
        86400,
        "900",
        "how long a run holds an account before another may take over"),
    REPORTS_BUCKET(
        "reports-bucket",
        0,
        0,
        "none",
        "the S3 bucket the weekly report is written to (`reports/<week>/`); `keywarden report` writes a folder instead"),
    STOP_MARGIN_SECONDS(
        "stop-margin-seconds",
        5,
        600,
        "60",
        "in Lambda, once less than this remains before the function's timeout, a run begins no other deactivation, notice or account; it ends `INCOMPLETE`, gives its lease back, and its queue message comes back for the next delivery to finish (5 to 600; keep it above the longest single step with its retries)"),
    AUDIT_ROLE_NAME(
        "audit-role-name", 0, 0, "`KeywardenAuditRole`", "the role assumed in each member account"),
    EXTERNAL_ID(
        "external-id",
        0,
        0,
        "none",
        "the ExternalId the member role's trust policy requires; unset: the role is assumed without one (a warning is logged)"),
    INCLUDE_OUS(
        "include-ous",
        0,
        0,
        "none",
        "comma list of OU (`ou-...`) or root (`r-...`) ids: only accounts under them, at any depth"),
    EXCLUDE_OUS(
        "exclude-ous",
        0,
        0,
        "none",
        "comma list of OU or root ids whose accounts are never audited (exclusion wins)"),
    INCLUDE_ACCOUNTS(
        "include-accounts",
        0,
        0,
        "none",
        "comma list of 12-digit account ids audited besides those `include-ous` selects"),
    EXCLUDE_ACCOUNTS("exclude-accounts", 0, 0, "none", "comma list of account ids never audited"),
    AUDIT_QUEUE_URL(
        "audit-queue-url",
        0,
        0,
        "none",
        "the SQS queue the dispatcher function sends audit requests to"),
    ASSISTED_ROTATION(
        "assisted-rotation",
        0,
        0,
        "`off`",
        "where Keywarden rotates keys itself for users tagged `keywarden:rotation = assisted`: `off`, `all` (every audited account) or a comma list of 12-digit account ids; each of those accounts also needs member-role.yaml's `AssistedRotation = enabled` ([operations.md](operations.md#assisted-rotation)). Set it for the report function too, whose report then has its assisted-rotation section"),
    CUTOVER_QUIET_HOURS(
        "cutover-quiet-hours",
        1,
        720,
        "24",
        "an assisted rotation deactivates the old key early once the new key was used and the old key was not used for this many hours (1 to 720)"),
    ROTATION_KMS_KEY_ID(
        "rotation-kms-key-id",
        0,
        0,
        "none",
        "the KMS key (id, `alias/NAME`, or a key or alias ARN) that encrypts the new keys' secrets; unset: the account's `aws/secretsmanager` key"),
    SECURITY_HUB_PRODUCT_ARN(
        "security-hub-product-arn",
        0,
        0,
        "none (off)",
        "the Security Hub custom-integration product findings are imported as, `arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default` of the account that imports (both account ids the same); unset or empty: nothing goes to Security Hub"),
    MAX_EXEMPTION_DAYS(
        "max-exemption-days",
        1,
        3650,
        "180",
        "`keywarden exempt` refuses a grant whose end day is more than this many days after today (1 to 3650)");

    final String key;
    final int min;
    final int max;

    /** The default as docs/configuration.md shows it ({@code none} when unset by default). */
    final String documentedDefault;

    /** What the setting does, for docs/configuration.md's table (see {@link SettingsTable}). */
    final String description;

    Setting(String key, int min, int max, String documentedDefault, String description) {
      this.key = key;
      this.min = min;
      this.max = max;
      this.documentedDefault = documentedDefault;
      this.description = description;
    }

    String envName() {
      return "KEYWARDEN_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    static Optional<Setting> byKey(String key) {
      return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    static String knownKeys() {
      return Arrays.stream(values()).map(s -> s.key).collect(Collectors.joining(", "));
    }
  }

  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
  private static final Pattern TOPIC_ARN =
      Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

  /** IAM role names: 1 to 64 of these characters. */
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

  /** STS ExternalId: 2 to 1224 of these characters. */
  private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

  private static final Pattern OU_ID =
      Pattern.compile("ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32}");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern QUEUE_URL =
      Pattern.compile("https?://[^\\s/]+(:\\d+)?/\\d{12}/[A-Za-z0-9_-]{1,80}(\\.fifo)?");

  /** A raw value and where it came from, for error messages. */
  private record Raw(String value, String origin) {}

  private ConfigLoader() {}

  /** Loads the checks' thresholds from the process environment and, when given, a file. */
  public static AuditPolicy load(Optional<Path> file) {
    return load(file, System.getenv());
  }

  /**
   * Loads the checks' thresholds from the given environment and, when given, a file.
   *
   * @throws InvalidInputException naming the setting, its origin and the accepted range
   */
  public static AuditPolicy load(Optional<Path> file, Map<String, String> environment) {
    return loadSettings(file, environment).audit();
  }

  /** Loads all settings from the process environment and, when given, a file. */
  public static Settings loadSettings(Optional<Path> file) {
    return loadSettings(file, System.getenv());
  }

  /**
   * Loads all settings from the given environment and, when given, a file.
   *
   * @throws InvalidInputException naming the setting, its origin and what it accepts
   */
  public static Settings loadSettings(Optional<Path> file, Map<String, String> environment) {
    Map<Setting, Raw> raw = new LinkedHashMap<>();
    file.ifPresent(path -> raw.putAll(readFile(path)));
    refuseUnknownVariables(environment);
    for (Setting setting : Setting.values()) {
      String value = environment.get(setting.envName());
      if (value != null) {
        raw.put(setting, new Raw(value, "environment variable " + setting.envName()));
      }
    }
    AuditPolicy audit = build(raw);
    int maxExemptionDays =
        raw.containsKey(Setting.MAX_EXEMPTION_DAYS)
            ? parseInt(Setting.MAX_EXEMPTION_DAYS, raw.get(Setting.MAX_EXEMPTION_DAYS))
            : Settings.DEFAULT_MAX_EXEMPTION_DAYS;
    return new Settings(
        audit, buildRun(raw, audit), buildOrg(raw), buildRotation(raw), maxExemptionDays);
  }

  /** KMS key ids, aliases and their ARNs, the forms Secrets Manager's {@code KmsKeyId} takes. */
  private static final Pattern KMS_KEY =
      Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias/[A-Za-z0-9/_-]{1,250}"
              + "|arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:(key/[0-9a-zA-Z-]{1,64}|alias/[A-Za-z0-9/_-]{1,250})");

  private static RotationSettings buildRotation(Map<Setting, Raw> raw) {
    RotationSettings d = RotationSettings.defaults();
    boolean all = false;
    List<String> accounts = List.of();
    Raw assisted = raw.get(Setting.ASSISTED_ROTATION);
    if (assisted != null) {
      String value = assisted.value().strip();
      if (value.equals("all")) {
        all = true;
      } else if (!value.equals("off") && !value.isEmpty()) {
        accounts =
            list(
                raw,
                Setting.ASSISTED_ROTATION,
                ACCOUNT_ID,
                "'off', 'all' (every audited account) or a comma-separated list of 12-digit account ids");
      }
    }
    Integer quiet =
        raw.containsKey(Setting.CUTOVER_QUIET_HOURS)
            ? parseInt(Setting.CUTOVER_QUIET_HOURS, raw.get(Setting.CUTOVER_QUIET_HOURS))
            : null;
    Optional<String> kms =
        optional(
            raw,
            Setting.ROTATION_KMS_KEY_ID,
            KMS_KEY,
            "a KMS key id, alias/NAME, or the ARN of a key or alias, such as alias/keywarden-secrets");
    return new RotationSettings(all, accounts, orDefault(quiet, d.cutoverQuietHours()), kms);
  }

  /**
   * KEYWARDEN_* variables that are not settings but are read elsewhere (the launcher, the emulator,
   * the functions' logging, which starts before the settings are read).
   */
  static final java.util.Set<String> OTHER_VARIABLES =
      java.util.Set.of(
          LogLevels.ROOT_VARIABLE,
          LogLevels.SDK_VARIABLE,
          "KEYWARDEN_JAVA_OPTS",
          "KEYWARDEN_PYTHON",
          "KEYWARDEN_EMULATOR_DIR",
          "KEYWARDEN_SAM",
          "KEYWARDEN_MOTO_TEST_FIXTURES");

  /**
   * Refuses a {@code KEYWARDEN_*} variable that is no setting, as an unknown key in the file is: a
   * typo such as {@code KEYWARDEN_DEACTIVATION_CAPP} would otherwise leave the setting at its
   * default unseen.
   */
  private static void refuseUnknownVariables(Map<String, String> environment) {
    java.util.List<String> known = Arrays.stream(Setting.values()).map(Setting::envName).toList();
    for (String name : new java.util.TreeSet<>(environment.keySet())) {
      if (name.startsWith("KEYWARDEN_")
          && !known.contains(name)
          && !OTHER_VARIABLES.contains(name)) {
        String nearest =
            known.stream()
                .min(java.util.Comparator.comparingInt(k -> distance(k, name)))
                .orElseThrow();
        throw new InvalidInputException(
            "environment variable "
                + abbreviate(name)
                + " is not a Keywarden setting"
                + (distance(nearest, name) <= 3 ? "; did you mean " + nearest + "?" : ".")
                + " Unset it; settings are KEYWARDEN_ and the setting's name in capitals, such as KEYWARDEN_DEACTIVATION_CAP"
                + " (docs/configuration.md lists them)");
      }
    }
  }

  /** Levenshtein distance, for suggesting the setting a misspelt variable meant. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static OrgSettings buildOrg(Map<Setting, Raw> raw) {
    OrgSettings d = OrgSettings.defaults();
    String role =
        raw.containsKey(Setting.AUDIT_ROLE_NAME)
                && !raw.get(Setting.AUDIT_ROLE_NAME).value().isBlank()
            ? matching(
                Setting.AUDIT_ROLE_NAME,
                raw.get(Setting.AUDIT_ROLE_NAME),
                ROLE_NAME,
                "an IAM role name of 1 to 64 letters, digits or +=,.@_-, such as "
                    + OrgSettings.DEFAULT_AUDIT_ROLE_NAME)
            : d.auditRoleName();
    Optional<String> externalId =
        raw.containsKey(Setting.EXTERNAL_ID) && !raw.get(Setting.EXTERNAL_ID).value().isBlank()
            ? Optional.of(
                secretMatching(
                    Setting.EXTERNAL_ID,
                    raw.get(Setting.EXTERNAL_ID),
                    EXTERNAL_ID,
                    "2 to 1224 letters, digits or +=,.@:/_-, the value the member role's trust policy requires"))
            : Optional.<String>empty();
    String ouExpected = "a comma-separated list of OU ids (ou-xxxx-xxxxxxxx) or root ids (r-xxxx)";
    String accountExpected = "a comma-separated list of 12-digit account ids";
    return new OrgSettings(
        role,
        externalId,
        list(raw, Setting.INCLUDE_OUS, OU_ID, ouExpected),
        list(raw, Setting.EXCLUDE_OUS, OU_ID, ouExpected),
        list(raw, Setting.INCLUDE_ACCOUNTS, ACCOUNT_ID, accountExpected),
        list(raw, Setting.EXCLUDE_ACCOUNTS, ACCOUNT_ID, accountExpected),
        optional(
            raw,
            Setting.AUDIT_QUEUE_URL,
            QUEUE_URL,
            "an SQS queue URL such as https://sqs.us-east-1.amazonaws.com/123456789012/keywarden-audit-requests"));
  }

  private static List<String> list(
      Map<Setting, Raw> raw, Setting setting, Pattern pattern, String expected) {
    Raw value = raw.get(setting);
    if (value == null) {
      return List.of();
    }
    List<String> items = new java.util.ArrayList<>();
    for (String part : value.value().split(",", -1)) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      if (!pattern.matcher(item).matches()) {
        throw new InvalidInputException(
            value.origin()
                + ": "
                + setting.key
                + " must be "
                + expected
                + "; '"
                + abbreviate(item)
                + "' is not one");
      }
      if (items.contains(item)) {
        throw new InvalidInputException(
            value.origin() + ": " + setting.key + " lists " + item + " twice");
      }
      items.add(item);
    }
    return items;
  }

  /** As {@link #matching}, but the message never repeats the value: it may be a shared secret. */
  private static String secretMatching(Setting setting, Raw raw, Pattern pattern, String expected) {
    String value = raw.value().strip();
    if (!pattern.matcher(value).matches()) {
      throw new InvalidInputException(
          raw.origin()
              + ": "
              + setting.key
              + " must be "
              + expected
              + "; the value given ("
              + value.length()
              + " characters) is not");
    }
    return value;
  }

  private static RunSettings buildRun(Map<Setting, Raw> raw, AuditPolicy audit) {
    RunSettings d = RunSettings.defaults();
    boolean enforce = d.enforce();
    if (raw.containsKey(Setting.MODE)) {
      Raw mode = raw.get(Setting.MODE);
      switch (mode.value().strip()) {
        case "enforce" -> enforce = true;
        case "dry-run" -> enforce = false;
        default ->
            throw new InvalidInputException(
                mode.origin()
                    + ": mode must be 'dry-run' or 'enforce', got '"
                    + abbreviate(mode.value())
                    + "'");
      }
    }
    List<Integer> stages =
        raw.containsKey(Setting.NOTICE_STAGES_DAYS)
            ? parseStages(raw.get(Setting.NOTICE_STAGES_DAYS), audit)
            : d.noticeStagesDays();
    String table =
        raw.containsKey(Setting.FINDINGS_TABLE)
            ? matching(
                Setting.FINDINGS_TABLE,
                raw.get(Setting.FINDINGS_TABLE),
                TABLE_NAME,
                "a DynamoDB table name of 3 to 255 letters, digits, '_', '-' or '.'")
            : d.findingsTable();
    Optional<String> notices =
        optional(
            raw,
            Setting.NOTICES_TOPIC_ARN,
            TOPIC_ARN,
            "an SNS topic ARN such as arn:aws:sns:us-east-1:123456789012:keywarden-notices");
    Optional<String> security =
        optional(
            raw,
            Setting.SECURITY_TOPIC_ARN,
            TOPIC_ARN,
            "an SNS topic ARN such as arn:aws:sns:us-east-1:123456789012:keywarden-security");
    Optional<String> fallback =
        optional(
            raw, Setting.FALLBACK_OWNER, EMAIL, "an e-mail address such as security@example.com");
    Optional<String> bucket =
        optional(
            raw,
            Setting.REPORTS_BUCKET,
            BUCKET,
            "an S3 bucket name of 3 to 63 lower-case letters, digits, '.' or '-'");
    Raw hub = raw.get(Setting.SECURITY_HUB_PRODUCT_ARN);
    Optional<SecurityHubSettings> securityHub =
        hub == null || hub.value().isBlank()
            ? Optional.empty()
            : Optional.of(
                SecurityHubSettings.parse(
                    hub.value(), hub.origin() + ": " + Setting.SECURITY_HUB_PRODUCT_ARN.key));
    Function<Setting, Integer> intOf = s -> raw.containsKey(s) ? parseInt(s, raw.get(s)) : null;
    return new RunSettings(
        enforce,
        orDefault(intOf.apply(Setting.DEACTIVATION_CAP), d.deactivationCap()),
        stages,
        table,
        notices,
        security,
        fallback,
        orDefault(intOf.apply(Setting.HISTORY_DAYS), d.historyDays()),
        orDefault(intOf.apply(Setting.LEASE_SECONDS), d.leaseSeconds()),
        bucket,
        orDefault(intOf.apply(Setting.STOP_MARGIN_SECONDS), d.stopMarginSeconds()),
        securityHub);
  }

  private static Optional<String> optional(
      Map<Setting, Raw> raw, Setting setting, Pattern pattern, String expected) {
    Raw value = raw.get(setting);
    if (value == null || value.value().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(matching(setting, value, pattern, expected));
  }

  private static String matching(Setting setting, Raw raw, Pattern pattern, String expected) {
    String value = raw.value().strip();
    if (!pattern.matcher(value).matches()) {
      throw new InvalidInputException(
          raw.origin()
              + ": "
              + setting.key
              + " must be "
              + expected
              + ", got '"
              + abbreviate(value)
              + "'");
    }
    return value;
  }

  private static List<Integer> parseStages(Raw raw, AuditPolicy audit) {
    List<Integer> stages = new java.util.ArrayList<>();
    for (String part : raw.value().split(",", -1)) {
      String text = part.strip();
      if (text.isEmpty()) {
        continue;
      }
      int days = parseInt(Setting.NOTICE_STAGES_DAYS, new Raw(text, raw.origin()));
      if (days >= audit.maxKeyAgeDays()) {
        throw new InvalidInputException(
            raw.origin()
                + ": notice-stages-days: "
                + days
                + " must be shorter than max-key-age-days ("
                + audit.maxKeyAgeDays()
                + ")");
      }
      if (days > audit.noticeWindowDays()) {
        throw new InvalidInputException(
            raw.origin()
                + ": notice-stages-days: "
                + days
                + " is beyond notice-window-days ("
                + audit.noticeWindowDays()
                + "), so no finding would announce it; raise notice-window-days or lower the stage");
      }
      if (stages.contains(days)) {
        throw new InvalidInputException(
            raw.origin() + ": notice-stages-days lists " + days + " twice");
      }
      stages.add(days);
    }
    if (stages.isEmpty()) {
      throw new InvalidInputException(
          raw.origin()
              + ": notice-stages-days must list at least one number of days, such as 14,7,1");
    }
    stages.sort(java.util.Comparator.reverseOrder());
    return stages;
  }

  private static Map<Setting, Raw> readFile(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("config file " + path + " does not exist");
    } catch (MalformedInputException e) {
      throw new InvalidInputException("config file " + path + " is not UTF-8 text");
    } catch (IOException e) {
      throw new InvalidInputException("cannot read config file " + path + ": " + e.getMessage(), e);
    }
    Map<Setting, Raw> raw = new LinkedHashMap<>();
    if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
      lines = new java.util.ArrayList<>(lines);
      lines.set(0, lines.get(0).substring(1));
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = path + " line " + (i + 1);
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new InvalidInputException(
            where + ": expected 'name = value', got '" + abbreviate(line) + "'");
      }
      String key = line.substring(0, eq).strip();
      Setting setting =
          Setting.byKey(key)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          where
                              + ": unknown setting '"
                              + abbreviate(key)
                              + "'; known settings: "
                              + Setting.knownKeys()));
      if (raw.containsKey(setting)) {
        throw new InvalidInputException(where + ": '" + key + "' is set twice in the file");
      }
      raw.put(setting, new Raw(line.substring(eq + 1).strip(), where));
    }
    return raw;
  }

  private static AuditPolicy build(Map<Setting, Raw> raw) {
    AuditPolicy d = AuditPolicy.defaults();
    Function<Setting, Integer> intOf = s -> raw.containsKey(s) ? parseInt(s, raw.get(s)) : null;
    int maxAge = orDefault(intOf.apply(Setting.MAX_KEY_AGE_DAYS), d.maxKeyAgeDays());
    int notice = orDefault(intOf.apply(Setting.NOTICE_WINDOW_DAYS), d.noticeWindowDays());
    if (notice >= maxAge) {
      String origin =
          raw.containsKey(Setting.NOTICE_WINDOW_DAYS)
              ? raw.get(Setting.NOTICE_WINDOW_DAYS).origin()
              : raw.get(Setting.MAX_KEY_AGE_DAYS).origin();
      throw new InvalidInputException(
          origin
              + ": notice-window-days ("
              + notice
              + ") must be shorter than max-key-age-days ("
              + maxAge
              + ")");
    }
    List<String> ownerKeys =
        raw.containsKey(Setting.OWNER_TAG_KEYS)
            ? parseTagKeys(raw.get(Setting.OWNER_TAG_KEYS))
            : d.ownerTagKeys();
    Integer waitSeconds = intOf.apply(Setting.CREDENTIAL_REPORT_WAIT_SECONDS);
    return new AuditPolicy(
        maxAge,
        notice,
        orDefault(intOf.apply(Setting.UNUSED_DAYS), d.unusedDays()),
        orDefault(intOf.apply(Setting.ROOT_WINDOW_DAYS), d.rootWindowDays()),
        orDefault(intOf.apply(Setting.MIN_PASSWORD_LENGTH), d.minPasswordLength()),
        orDefault(intOf.apply(Setting.PASSWORD_REUSE_PREVENTION), d.passwordReusePrevention()),
        ownerKeys,
        waitSeconds == null ? d.credentialReportWait() : Duration.ofSeconds(waitSeconds),
        orDefault(intOf.apply(Setting.SSH_KEY_MAX_USERS), d.sshKeyMaxUsers()));
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static int parseInt(Setting setting, Raw raw) {
    int value;
    try {
      value = Integer.parseInt(raw.value().strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          raw.origin()
              + ": "
              + setting.key
              + " must be a whole number, got '"
              + abbreviate(raw.value())
              + "'");
    }
    if (value < setting.min || value > setting.max) {
      throw new InvalidInputException(
          raw.origin()
              + ": "
              + setting.key
              + " must be between "
              + setting.min
              + " and "
              + setting.max
              + ", got "
              + value);
    }
    return value;
  }

  private static List<String> parseTagKeys(Raw raw) {
    List<String> keys =
        Arrays.stream(raw.value().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (keys.isEmpty()) {
      throw new InvalidInputException(
          raw.origin() + ": owner-tag-keys must list at least one tag key, such as 'owner'");
    }
    for (String key : keys) {
      if (key.length() > 128) {
        throw new InvalidInputException(
            raw.origin()
                + ": owner-tag-keys: '"
                + abbreviate(key)
                + "' is longer than IAM's 128-character tag keys");
      }
    }
    return keys;
  }

  private static String abbreviate(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
  }
}
