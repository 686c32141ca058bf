package dev.keywarden.config;

import dev.keywarden.InvalidInputException;
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
 * Reads the audit thresholds once, at start-up, from defaults, an optional file and the environment.
 *
 * <p>Later sources win: built-in defaults, then the file ({@code name = value} lines, {@code #}
 * comments), then {@code KEYWARDEN_*} environment variables. Every value is validated here, so a
 * bad setting fails before any AWS call, with a message naming the setting and where it came from.
 */
public final class ConfigLoader {

  /** The settings, in the order the documentation lists them. */
  enum Setting {
    MAX_KEY_AGE_DAYS("max-key-age-days", 1, 3650),
    NOTICE_WINDOW_DAYS("notice-window-days", 0, 3650),
    UNUSED_DAYS("unused-days", 1, 3650),
    ROOT_WINDOW_DAYS("root-window-days", 1, 3650),
    MIN_PASSWORD_LENGTH("min-password-length", 6, 128),
    PASSWORD_REUSE_PREVENTION("password-reuse-prevention", 0, 24),
    OWNER_TAG_KEYS("owner-tag-keys", 0, 0),
    CREDENTIAL_REPORT_WAIT_SECONDS("credential-report-wait-seconds", 1, 900),
    MODE("mode", 0, 0),
    DEACTIVATION_CAP("deactivation-cap", 0, 1000),
    NOTICE_STAGES_DAYS("notice-stages-days", 1, 365),
    FINDINGS_TABLE("findings-table", 0, 0),
    NOTICES_TOPIC_ARN("notices-topic-arn", 0, 0),
    SECURITY_TOPIC_ARN("security-topic-arn", 0, 0),
    FALLBACK_OWNER("fallback-owner", 0, 0),
    HISTORY_DAYS("history-days", 1, 3650),
    LEASE_SECONDS("lease-seconds", 60, 86400),
    REPORTS_BUCKET("reports-bucket", 0, 0),
    STOP_MARGIN_SECONDS("stop-margin-seconds", 5, 600),
    AUDIT_ROLE_NAME("audit-role-name", 0, 0),
    EXTERNAL_ID("external-id", 0, 0),
    INCLUDE_OUS("include-ous", 0, 0),
    EXCLUDE_OUS("exclude-ous", 0, 0),
    INCLUDE_ACCOUNTS("include-accounts", 0, 0),
    EXCLUDE_ACCOUNTS("exclude-accounts", 0, 0),
    AUDIT_QUEUE_URL("audit-queue-url", 0, 0),
    MAX_EXEMPTION_DAYS("max-exemption-days", 1, 3650);

    final String key;
    final int min;
    final int max;

    Setting(String key, int min, int max) {
      this.key = key;
      this.min = min;
      this.max = max;
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
  private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
  /** IAM role names: 1 to 64 of these characters. */
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  /** STS ExternalId: 2 to 1224 of these characters. */
  private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
  private static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32}");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern QUEUE_URL = Pattern.compile("https?://[^\\s/]+(:\\d+)?/\\d{12}/[A-Za-z0-9_-]{1,80}(\\.fifo)?");

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
    int maxExemptionDays = raw.containsKey(Setting.MAX_EXEMPTION_DAYS)
        ? parseInt(Setting.MAX_EXEMPTION_DAYS, raw.get(Setting.MAX_EXEMPTION_DAYS)) : Settings.DEFAULT_MAX_EXEMPTION_DAYS;
    return new Settings(audit, buildRun(raw, audit), buildOrg(raw), maxExemptionDays);
  }

  /** KEYWARDEN_* variables that are not settings but are read elsewhere (the launcher, the emulator). */
  static final java.util.Set<String> OTHER_VARIABLES = java.util.Set.of("KEYWARDEN_JAVA_OPTS", "KEYWARDEN_PYTHON",
      "KEYWARDEN_EMULATOR_DIR");

  /**
   * Refuses a {@code KEYWARDEN_*} variable that is no setting, as an unknown key in the file is: a typo
   * such as {@code KEYWARDEN_DEACTIVATION_CAPP} would otherwise leave the setting at its default unseen.
   */
  private static void refuseUnknownVariables(Map<String, String> environment) {
    java.util.List<String> known = Arrays.stream(Setting.values()).map(Setting::envName).toList();
    for (String name : new java.util.TreeSet<>(environment.keySet())) {
      if (name.startsWith("KEYWARDEN_") && !known.contains(name) && !OTHER_VARIABLES.contains(name)) {
        String nearest = known.stream().min(java.util.Comparator.comparingInt(k -> distance(k, name))).orElseThrow();
        throw new InvalidInputException("environment variable " + abbreviate(name) + " is not a Keywarden setting"
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
    String role = raw.containsKey(Setting.AUDIT_ROLE_NAME) && !raw.get(Setting.AUDIT_ROLE_NAME).value().isBlank()
        ? matching(Setting.AUDIT_ROLE_NAME, raw.get(Setting.AUDIT_ROLE_NAME), ROLE_NAME,
            "an IAM role name of 1 to 64 letters, digits or +=,.@_-, such as " + OrgSettings.DEFAULT_AUDIT_ROLE_NAME)
        : d.auditRoleName();
    Optional<String> externalId = raw.containsKey(Setting.EXTERNAL_ID) && !raw.get(Setting.EXTERNAL_ID).value().isBlank()
        ? Optional.of(secretMatching(Setting.EXTERNAL_ID, raw.get(Setting.EXTERNAL_ID), EXTERNAL_ID,
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
        optional(raw, Setting.AUDIT_QUEUE_URL, QUEUE_URL,
            "an SQS queue URL such as https://sqs.us-east-1.amazonaws.com/123456789012/keywarden-audit-requests"));
  }

  private static List<String> list(Map<Setting, Raw> raw, Setting setting, Pattern pattern, String expected) {
    Raw value = raw.get(setting);
    if (value == null) {
      return List.of();
    }
    List<String> items = new java.util.ArrayList<>();
    for (String part : value.value().split(",")) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      if (!pattern.matcher(item).matches()) {
        throw new InvalidInputException(value.origin() + ": " + setting.key + " must be " + expected + "; '"
            + abbreviate(item) + "' is not one");
      }
      if (items.contains(item)) {
        throw new InvalidInputException(value.origin() + ": " + setting.key + " lists " + item + " twice");
      }
      items.add(item);
    }
    return items;
  }

  /** As {@link #matching}, but the message never repeats the value: it may be a shared secret. */
  private static String secretMatching(Setting setting, Raw raw, Pattern pattern, String expected) {
    String value = raw.value().strip();
    if (!pattern.matcher(value).matches()) {
      throw new InvalidInputException(raw.origin() + ": " + setting.key + " must be " + expected + "; the value given ("
          + value.length() + " characters) is not");
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
        default -> throw new InvalidInputException(mode.origin() + ": mode must be 'dry-run' or 'enforce', got '"
            + abbreviate(mode.value()) + "'");
      }
    }
    List<Integer> stages = raw.containsKey(Setting.NOTICE_STAGES_DAYS)
        ? parseStages(raw.get(Setting.NOTICE_STAGES_DAYS), audit) : d.noticeStagesDays();
    String table = raw.containsKey(Setting.FINDINGS_TABLE)
        ? matching(Setting.FINDINGS_TABLE, raw.get(Setting.FINDINGS_TABLE), TABLE_NAME,
            "a DynamoDB table name of 3 to 255 letters, digits, '_', '-' or '.'")
        : d.findingsTable();
    Optional<String> notices = optional(raw, Setting.NOTICES_TOPIC_ARN, TOPIC_ARN,
        "an SNS topic ARN such as arn:aws:sns:us-east-1:123456789012:keywarden-notices");
    Optional<String> security = optional(raw, Setting.SECURITY_TOPIC_ARN, TOPIC_ARN,
        "an SNS topic ARN such as arn:aws:sns:us-east-1:123456789012:keywarden-security");
    Optional<String> fallback = optional(raw, Setting.FALLBACK_OWNER, EMAIL, "an e-mail address such as security@example.com");
    Optional<String> bucket = optional(raw, Setting.REPORTS_BUCKET, BUCKET,
        "an S3 bucket name of 3 to 63 lower-case letters, digits, '.' or '-'");
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
        orDefault(intOf.apply(Setting.STOP_MARGIN_SECONDS), d.stopMarginSeconds()));
  }

  private static Optional<String> optional(Map<Setting, Raw> raw, Setting setting, Pattern pattern, String expected) {
    Raw value = raw.get(setting);
    if (value == null || value.value().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(matching(setting, value, pattern, expected));
  }

  private static String matching(Setting setting, Raw raw, Pattern pattern, String expected) {
    String value = raw.value().strip();
    if (!pattern.matcher(value).matches()) {
      throw new InvalidInputException(raw.origin() + ": " + setting.key + " must be " + expected + ", got '"
          + abbreviate(value) + "'");
    }
    return value;
  }

  private static List<Integer> parseStages(Raw raw, AuditPolicy audit) {
    List<Integer> stages = new java.util.ArrayList<>();
    for (String part : raw.value().split(",")) {
      String text = part.strip();
      if (text.isEmpty()) {
        continue;
      }
      int days = parseInt(Setting.NOTICE_STAGES_DAYS, new Raw(text, raw.origin()));
      if (days >= audit.maxKeyAgeDays()) {
        throw new InvalidInputException(raw.origin() + ": notice-stages-days: " + days
            + " must be shorter than max-key-age-days (" + audit.maxKeyAgeDays() + ")");
      }
      if (days > audit.noticeWindowDays()) {
        throw new InvalidInputException(raw.origin() + ": notice-stages-days: " + days + " is beyond notice-window-days ("
            + audit.noticeWindowDays() + "), so no finding would announce it; raise notice-window-days or lower the stage");
      }
      if (stages.contains(days)) {
        throw new InvalidInputException(raw.origin() + ": notice-stages-days lists " + days + " twice");
      }
      stages.add(days);
    }
    if (stages.isEmpty()) {
      throw new InvalidInputException(raw.origin() + ": notice-stages-days must list at least one number of days, such as 14,7,1");
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
        throw new InvalidInputException(where + ": expected 'name = value', got '" + abbreviate(line) + "'");
      }
      String key = line.substring(0, eq).strip();
      Setting setting = Setting.byKey(key)
          .orElseThrow(() -> new InvalidInputException(
              where + ": unknown setting '" + abbreviate(key) + "'; known settings: " + Setting.knownKeys()));
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
      String origin = raw.containsKey(Setting.NOTICE_WINDOW_DAYS)
          ? raw.get(Setting.NOTICE_WINDOW_DAYS).origin() : raw.get(Setting.MAX_KEY_AGE_DAYS).origin();
      throw new InvalidInputException(origin + ": notice-window-days (" + notice
          + ") must be shorter than max-key-age-days (" + maxAge + ")");
    }
    List<String> ownerKeys = raw.containsKey(Setting.OWNER_TAG_KEYS)
        ? parseTagKeys(raw.get(Setting.OWNER_TAG_KEYS)) : d.ownerTagKeys();
    Integer waitSeconds = intOf.apply(Setting.CREDENTIAL_REPORT_WAIT_SECONDS);
    return new AuditPolicy(
        maxAge,
        notice,
        orDefault(intOf.apply(Setting.UNUSED_DAYS), d.unusedDays()),
        orDefault(intOf.apply(Setting.ROOT_WINDOW_DAYS), d.rootWindowDays()),
        orDefault(intOf.apply(Setting.MIN_PASSWORD_LENGTH), d.minPasswordLength()),
        orDefault(intOf.apply(Setting.PASSWORD_REUSE_PREVENTION), d.passwordReusePrevention()),
        ownerKeys,
        waitSeconds == null ? d.credentialReportWait() : Duration.ofSeconds(waitSeconds));
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static int parseInt(Setting setting, Raw raw) {
    int value;
    try {
      value = Integer.parseInt(raw.value().strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(raw.origin() + ": " + setting.key + " must be a whole number, got '"
          + abbreviate(raw.value()) + "'");
    }
    if (value < setting.min || value > setting.max) {
      throw new InvalidInputException(raw.origin() + ": " + setting.key + " must be between " + setting.min
          + " and " + setting.max + ", got " + value);
    }
    return value;
  }

  private static List<String> parseTagKeys(Raw raw) {
    List<String> keys = Arrays.stream(raw.value().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (keys.isEmpty()) {
      throw new InvalidInputException(raw.origin() + ": owner-tag-keys must list at least one tag key, such as 'owner'");
    }
    for (String key : keys) {
      if (key.length() > 128) {
        throw new InvalidInputException(raw.origin() + ": owner-tag-keys: '" + abbreviate(key)
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
