package dev.keywarden.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.InvalidInputException;
import dev.keywarden.KeywardenException;
import dev.keywarden.audit.AccountAudit;
import dev.keywarden.audit.InProcessOrgAudit;
import dev.keywarden.audit.RunOutcome;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.CallCounter;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.aws.MemberAccountClients;
import dev.keywarden.aws.OrgAuditors;
import dev.keywarden.aws.WeeklyReports;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.Finding;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.config.OrgSettings;
import dev.keywarden.config.RunSettings;
import dev.keywarden.config.Settings;
import dev.keywarden.demo.DemoAccount;
import dev.keywarden.demo.DemoInbox;
import dev.keywarden.demo.DemoOrganization;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import dev.keywarden.findings.IsoWeek;
import dev.keywarden.remediate.DeactivatedKey;
import dev.keywarden.report.FindingsOutput;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keywarden demo}: the whole Organization-wide pipeline on the local emulator, over
 * simulated weeks, with nothing to set up, so that a newcomer sees what Keywarden does before
 * deploying it.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "The whole pipeline on a local emulated Organization, over simulated weeks.",
    description = {
      "Starts the local AWS emulator (state reset), creates an Organization (a management account and "
          + "three members, each with KeywardenAuditRole) with realistic users, and runs the real pipeline in "
          + "enforce mode on simulated days: the dispatcher lists the accounts, each is audited through its "
          + "role, owners' notices arrive (read from an SQS queue subscribed to the notices topic), keys are "
          + "deactivated on their deadline, and the weekly report is written to a folder.",
      "Needs python3: the first run installs the emulator from PyPI into build/emulator.",
    },
    footer = {
      "",
      "Simulated days: every 7 days from day 0 to --days, plus days 20 and 21 (a",
      "key's last notice and its deadline). Keys are made today, so their ages come",
      "from keywarden:max-key-age tags. The report goes to build/demo-report/<week>.",
      "",
      "Examples:",
      "  keywarden demo",
      "  keywarden demo --out /tmp/keywarden-report",
      "  keywarden demo --format json 2>/dev/null | jq '.days[].notices[].subject'",
    })
final class DemoCommand implements Callable<Integer> {
  static final int MIN_DAYS = 21;
  static final int MAX_DAYS = 120;

  /** Notices of people without a usable owner tag go here, as fallback-owner would send them. */
  static final String FALLBACK_OWNER = "security-team@example.com";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "49",
      description =
          "The last simulated day, "
              + MIN_DAYS
              + " to "
              + MAX_DAYS
              + " (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "table or json (default: ${DEFAULT-VALUE}); with json the story goes to stderr and stdout"
              + " carries one JSON document.")
  OutputFormat format;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder for the weekly report (default: build/demo-report/<week> in the project).")
  Path out;

  @Option(
      names = "--keep-running",
      description =
          "Leave the emulator running afterwards, and print how to point the command at it.")
  boolean keepRunning;

  private final Clock realClock = Clock.systemUTC();

  @Override
  public Integer call() throws InterruptedException {
    validateOptions();
    boolean quiet = GlobalOptions.of(spec).quiet;
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter story =
        quiet
            ? new PrintWriter(Writer.nullWriter())
            : format == OutputFormat.table ? stdout : spec.commandLine().getErr();
    long started = System.nanoTime();

    AwsEndpoint endpoint = startEmulator(story);
    CallCounter calls = CallCounter.create();
    ObjectNode json = JSON.createObjectNode();
    Path page;
    try (AwsClientFactory management =
        AwsClientFactory.create(LocalEmulator.clientSettings(endpoint), calls)) {
      Organization org = createOrganization(story, management, endpoint, json);
      DemoInbox owners =
          DemoInbox.subscribe(
              management,
              org.settings().run().noticesTopicArn().orElseThrow(),
              "demo-owners-inbox");
      DemoInbox security =
          DemoInbox.subscribe(
              management,
              org.settings().run().securityTopicArn().orElseThrow(),
              "demo-security-inbox");
      explainTheRun(story);

      SimulatedClock clock =
          new SimulatedClock(realClock.instant().truncatedTo(ChronoUnit.SECONDS));
      List<AccountAudit> last = simulateDays(story, management, org, owners, security, clock, json);

      story.println();
      printFindings(story, last, org.names(), clock.instant(), json);
      page = writeReport(management, org.settings(), clock, json);
      ObjectNode callsJson = json.putObject("awsCalls");
      calls.snapshot().forEach(callsJson::put);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    json.put("wallSeconds", Math.round(seconds * 10) / 10.0);

    printOutcome(stdout, json, page, seconds, calls, quiet);
    if (keepRunning) {
      keepTheEmulatorRunning(story, endpoint);
    }
    return Main.OK;
  }

  /** The demo's Organization: its settings, and its accounts' names by id. */
  private record Organization(Settings settings, Map<String, String> names) {}

  private void validateOptions() {
    if (days < MIN_DAYS || days > MAX_DAYS) {
      throw new InvalidInputException(
          "--days must be between " + MIN_DAYS + " and " + MAX_DAYS + ", got " + days);
    }
    if (format == OutputFormat.csv || format == OutputFormat.ocsf) {
      throw new InvalidInputException("--format: the demo prints table or json, not " + format);
    }
    if (out != null) {
      OutputPaths.requireFolder("--out", out);
    }
  }

  private static AwsEndpoint startEmulator(PrintWriter story) {
    story.println(
        "Starting the local AWS emulator (the first run installs moto from PyPI, about a minute)...");
    story.flush();
    MotoServer emulator = MotoServer.shared();
    emulator.reset();
    return emulator.endpoint();
  }

  /**
   * Seeds the Organization, creates the findings table and topics, grants the sandbox's exemption
   * and tells who is in it.
   */
  private Organization createOrganization(
      PrintWriter story, AwsClientFactory management, AwsEndpoint endpoint, ObjectNode json) {
    story.println("Creating an Organization on " + endpoint.endpoint() + "...");
    story.flush();
    List<DemoOrganization.Account> accounts =
        DemoOrganization.create(
            management,
            realClock.instant().atZone(ZoneOffset.UTC).toLocalDate(),
            name -> progressLine("  seeding " + name));
    clearProgress();
    Settings settings = settings(management, accounts.get(0).id());
    grantDemoExemption(management, settings, accounts, realClock.instant());
    MemberAccountClients roles = MemberAccountClients.create(management, settings.org());
    describeOrganization(story, accounts, roles, json);
    Map<String, String> names = new LinkedHashMap<>();
    accounts.forEach(a -> names.put(a.id(), a.name()));
    return new Organization(settings, names);
  }

  private static void explainTheRun(PrintWriter story) {
    story.println();
    story.println(
        "Mode: enforce (keys past their deadline are deactivated, never deleted). Notices are published to");
    story.println(
        "the keywarden-notices topic and read back here from an SQS queue subscribed to it.");
    story.println(
        "Each simulated day the dispatcher lists the accounts, each is audited through its role, findings");
    story.println(
        "are reconciled in the findings table, expired keys deactivated and owners told.");
    story.println();
    story.flush();
  }

  /**
   * Runs the pipeline on every simulated day of the schedule.
   *
   * @return the last day's accounts
   */
  private List<AccountAudit> simulateDays(
      PrintWriter story,
      AwsClientFactory management,
      Organization org,
      DemoInbox owners,
      DemoInbox security,
      SimulatedClock clock,
      ObjectNode json) {
    Instant dayZero = clock.instant();
    InProcessOrgAudit audit =
        InProcessOrgAudit.over(OrgAuditors.create(org.settings(), management, clock), 4);
    ArrayNode daysJson = json.putArray("days");
    List<AccountAudit> last = List.of();
    ShownNotices shown = new ShownNotices();
    for (int day : schedule(days)) {
      clock.set(dayZero.plus(Duration.ofDays(day)));
      String runId = String.format(Locale.ROOT, "demo-day-%03d", day);
      last = audit.run(runId, progress(GlobalOptions.of(spec).quiet));
      List<DemoInbox.Received> notices = owners.drain();
      List<DemoInbox.Received> alerts = security.drain();
      ObjectNode dayJson = daysJson.addObject();
      dayJson.put("day", day).put("date", clock.instant().toString()).put("runId", runId);
      story.println(dayLine(day, clock.instant(), last, notices.size()));
      tellAccounts(story, last, org.names(), dayJson.putArray("accounts"));
      tellNotices(story, notices, shown, dayJson.putArray("notices"));
      ArrayNode alertsJson = dayJson.putArray("alerts");
      for (DemoInbox.Received alert : alerts) {
        alertsJson.add(messageNode(alert));
        story.println("  alert to the security team: " + FindingsOutput.printable(alert.subject()));
      }
      story.flush();
    }
    return last;
  }

  /** Whether a notice and a deactivation notice have been shown in full yet. */
  private static final class ShownNotices {
    boolean notice;
    boolean deactivation;
  }

  /** One day's accounts: a line for each account not completed, one for each key deactivated. */
  private static void tellAccounts(
      PrintWriter story,
      List<AccountAudit> results,
      Map<String, String> names,
      ArrayNode accountsJson) {
    for (AccountAudit r : results) {
      ObjectNode a = accountsJson.addObject();
      a.put("accountId", r.accountId())
          .put("name", names.getOrDefault(r.accountId(), r.accountId()));
      a.put("status", r.outcome().map(o -> o.status().name()).orElse("FAILED"));
      if (!r.has(RunOutcome.Status.COMPLETED)) {
        story.println(
            "  "
                + names.getOrDefault(r.accountId(), r.accountId())
                + ": "
                + OrgAuditCommand.describe(r));
        continue;
      }
      RunOutcome outcome = r.outcome().orElseThrow();
      a.put("openFindings", outcome.result().orElseThrow().findings().size());
      ArrayNode deactivated = a.putArray("deactivated");
      for (DeactivatedKey k : outcome.deactivation().orElseThrow().deactivated()) {
        deactivated
            .addObject()
            .put("userName", k.userName())
            .put("slot", k.slot())
            .put("accessKeyId", k.accessKeyId());
        story.printf(
            Locale.ROOT,
            "  deactivated %s's access_key_%d (%s) in %s: past its deadline%n",
            k.userName(),
            k.slot(),
            k.accessKeyId(),
            names.get(r.accountId()));
      }
    }
  }

  /** One day's notices: the first of each kind in full, the rest by subject and keys. */
  private static void tellNotices(
      PrintWriter story,
      List<DemoInbox.Received> notices,
      ShownNotices shown,
      ArrayNode noticesJson) {
    for (DemoInbox.Received n : notices) {
      noticesJson.add(messageNode(n));
      boolean deactivation = "deactivation-notice".equals(n.attributes().get("kind"));
      boolean full = deactivation ? !shown.deactivation : !shown.notice;
      printNotice(story, n, full);
      shown.deactivation |= deactivation;
      shown.notice |= !deactivation;
    }
  }

  /** Writes the last simulated week's report and returns its index page. */
  private Path writeReport(
      AwsClientFactory management, Settings settings, Clock clock, ObjectNode json) {
    String week = IsoWeek.of(clock.instant());
    Path dir = out != null ? out : defaultReportRoot().resolve(week);
    Path page =
        WeeklyReports.create(management, settings, clock).writeTo(week, dir).toAbsolutePath();
    ObjectNode report = json.putObject("report");
    report
        .put("week", week)
        .put("dir", dir.toAbsolutePath().toString())
        .put("index", page.toString());
    return page;
  }

  /** The JSON document, or where the report is and what the run cost. */
  private void printOutcome(
      PrintWriter stdout,
      ObjectNode json,
      Path page,
      double seconds,
      CallCounter calls,
      boolean quiet) {
    if (format == OutputFormat.json) {
      try {
        stdout.print(JSON.writeValueAsString(json) + "\n");
      } catch (JsonProcessingException e) {
        throw new KeywardenException(
            "could not render the demo as JSON: " + e.getOriginalMessage(), e);
      }
    } else if (quiet) {
      stdout.println(page);
    } else {
      stdout.println();
      stdout.println(
          "Weekly report "
              + json.path("report").path("week").asText()
              + " (index.html, report.json,"
              + " findings.csv, findings.ocsf.json, digest.txt):");
      stdout.println("  " + page);
      stdout.printf(
          Locale.ROOT,
          "Done in %.0f seconds, %d AWS calls to the emulator (%d of them sts:AssumeRole).%n",
          seconds,
          calls.total(),
          calls.snapshot().getOrDefault("Sts:AssumeRole", 0L));
      stdout.println();
      stdout.println(
          "Next: audit a real account with 'keywarden audit --profile NAME', the whole Organization");
      stdout.println(
          "with 'keywarden org-audit --profile management', and deploy it: docs/operations.md.");
    }
    stdout.flush();
  }

  private static void keepTheEmulatorRunning(PrintWriter story, AwsEndpoint endpoint)
      throws InterruptedException {
    story.println("The emulator keeps running; in another terminal:");
    story.println(
        "  AWS_ENDPOINT_URL="
            + endpoint.endpoint()
            + " AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing"
            + " AWS_REGION=us-east-1 ./keywarden findings --status open");
    story.println("Press Ctrl-C to stop it.");
    story.flush();
    Thread.currentThread().join();
  }

  /**
   * Every seventh day up to the last, and days 20 and 21: the 21-day key's last notice and
   * deadline.
   */
  static List<Integer> schedule(int lastDay) {
    TreeSet<Integer> days = new TreeSet<>(List.of(20, 21, lastDay));
    for (int d = 0; d <= lastDay; d += 7) {
      days.add(d);
    }
    return List.copyOf(days);
  }

  /**
   * Where the report goes by default: next to the emulator's installation, in the project's build
   * folder.
   */
  private static Path defaultReportRoot() {
    String emulatorDir = System.getProperty("keywarden.emulator.dir");
    Path build =
        emulatorDir != null && Path.of(emulatorDir).getParent() != null
            ? Path.of(emulatorDir).getParent()
            : Path.of("build");
    return build.resolve("demo-report");
  }

  /**
   * The security team's central grant for the sandbox's contractor, whose tags ask for it: without
   * the grant the tags alone would exempt nobody.
   */
  private static void grantDemoExemption(
      AwsClientFactory management,
      Settings settings,
      List<DemoOrganization.Account> accounts,
      Instant now) {
    for (DemoOrganization.Account account : accounts) {
      if (account.kind() == DemoAccount.Kind.SANDBOX) {
        dev.keywarden.aws.AccountRuns.grants(management, settings)
            .grant(
                new dev.keywarden.checks.ExemptionGrant(
                    account.id(),
                    "dana-contractor",
                    now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(120),
                    "Vendor offboarding ticket SEC-1234",
                    java.util.Set.of(),
                    "arn:aws:iam::" + accounts.get(0).id() + ":role/security-team",
                    now));
      }
    }
  }

  private Settings settings(AwsClientFactory management, String managementId) {
    DynamoAccountStateStore.createTable(
        management.dynamoDb(), DynamoAccountStateStore.DEFAULT_TABLE_NAME);
    String notices = management.sns().createTopic(r -> r.name("keywarden-notices")).topicArn();
    String securityTopic =
        management.sns().createTopic(r -> r.name("keywarden-security")).topicArn();
    RunSettings d = RunSettings.defaults();
    RunSettings run =
        new RunSettings(
            true,
            d.deactivationCap(),
            d.noticeStagesDays(),
            d.findingsTable(),
            Optional.of(notices),
            Optional.of(securityTopic),
            Optional.of(FALLBACK_OWNER),
            d.historyDays(),
            d.leaseSeconds(),
            Optional.empty(),
            d.stopMarginSeconds());
    OrgSettings org =
        OrgSettings.enteringThrough(
            OrgSettings.DEFAULT_AUDIT_ROLE_NAME, Optional.of(DemoOrganization.EXTERNAL_ID));
    return new Settings(AuditPolicy.defaults(), run, org);
  }

  private static void describeOrganization(
      PrintWriter story,
      List<DemoOrganization.Account> accounts,
      MemberAccountClients roles,
      ObjectNode json) {
    story.println(
        "Organization: management account "
            + accounts.get(0).id()
            + " and "
            + (accounts.size() - 1)
            + " members, audited through "
            + OrgSettings.DEFAULT_AUDIT_ROLE_NAME
            + " (ExternalId "
            + DemoOrganization.EXTERNAL_ID
            + "):");
    ArrayNode accountsJson =
        json.putObject("organization")
            .put("managementAccountId", accounts.get(0).id())
            .putArray("accounts");
    for (DemoOrganization.Account account : accounts) {
      String principal = roles.principalFor(account.id());
      story.println();
      story.printf(
          Locale.ROOT,
          "  %s (%s), entered as %s%n",
          account.name(),
          account.id(),
          account.kind() == DemoAccount.Kind.MANAGEMENT ? "the caller itself" : principal);
      ObjectNode a =
          accountsJson
              .addObject()
              .put("id", account.id())
              .put("name", account.name())
              .put("principal", principal);
      ArrayNode users = a.putArray("users");
      for (DemoAccount.SeededUser u : account.users()) {
        story.printf(Locale.ROOT, "    %-18s %s%n", u.name(), u.story());
        users.addObject().put("name", u.name()).put("story", u.story());
      }
    }
  }

  private static String dayLine(int day, Instant at, List<AccountAudit> results, int notices) {
    int audited = 0;
    int open = 0;
    int opened = 0;
    int resolved = 0;
    int deactivated = 0;
    for (AccountAudit r : results) {
      if (!r.has(RunOutcome.Status.COMPLETED)) {
        continue;
      }
      RunOutcome o = r.outcome().orElseThrow();
      audited++;
      open += o.result().orElseThrow().findings().size();
      opened += o.reconciliation().orElseThrow().opened();
      resolved += o.reconciliation().orElseThrow().resolved();
      deactivated += o.deactivation().orElseThrow().deactivated().size();
    }
    return String.format(
        Locale.ROOT,
        "Day %2d (%s): %d/%d accounts audited, %d open findings (%d new, %d resolved),"
            + " %d deactivated, %d %s",
        day,
        at.toString().substring(0, 10),
        audited,
        results.size(),
        open,
        opened,
        resolved,
        deactivated,
        notices,
        notices == 1 ? "notice" : "notices");
  }

  /**
   * A notice as its owner reads it: in full the first time, then the subject and the keys it names.
   */
  private static void printNotice(PrintWriter story, DemoInbox.Received n, boolean full) {
    story.println(
        "  notice to "
            + FindingsOutput.printable(n.attributes().getOrDefault("recipient", "?"))
            + ": "
            + FindingsOutput.printable(n.subject()));
    for (String line : n.body().split("\n", -1)) {
      boolean keyLine = line.startsWith("- user") || line.trim().startsWith("deadline");
      if (full || keyLine) {
        story.println("    | " + FindingsOutput.printable(line));
      }
    }
  }

  private static ObjectNode messageNode(DemoInbox.Received n) {
    ObjectNode node = JSON.createObjectNode();
    node.put("subject", n.subject());
    node.put("body", n.body());
    ObjectNode attributes = node.putObject("attributes");
    n.attributes().forEach(attributes::put);
    return node;
  }

  /** The last day's open findings, account by account, most urgent first. */
  private static void printFindings(
      PrintWriter story,
      List<AccountAudit> results,
      Map<String, String> names,
      Instant asOf,
      ObjectNode json) {
    story.println(
        "Open findings on "
            + asOf.toString().substring(0, 10)
            + ", by account (the report has the details):");
    ArrayNode findingsJson = json.putArray("findings");
    ArrayNode exemptedJson = json.putArray("exempted");
    for (AccountAudit r : results) {
      Optional<AuditResult> audited = r.outcome().flatMap(RunOutcome::result);
      if (audited.isEmpty()) {
        continue;
      }
      AuditResult result = audited.get();
      List<Finding> findings = new ArrayList<>(result.findings());
      findings.sort(
          Comparator.comparing(Finding::severity)
              .thenComparing(Finding::checkId)
              .thenComparing(Finding::principal));
      story.printf(
          Locale.ROOT,
          "%n  %s (%s): %d open, %d exempted by a central grant%n",
          names.get(r.accountId()),
          r.accountId(),
          findings.size(),
          result.exempted().size());
      for (Finding f : findings) {
        story.printf(
            Locale.ROOT,
            "    %-8s %-22s %s%n",
            f.severity().label(),
            f.checkId(),
            FindingsOutput.printable(f.principal()));
      }
      try {
        var parsed = JSON.readTree(FindingsOutput.json(result));
        parsed.path("findings").forEach(findingsJson::add);
        parsed.path("exempted").forEach(exemptedJson::add);
      } catch (JsonProcessingException e) {
        throw new KeywardenException(
            "could not read back the findings as JSON: " + e.getOriginalMessage(), e);
      }
    }
    story.flush();
  }

  /** One rewritten line on stderr while a person watches; nothing otherwise. */
  private OrgAuditCommand.Progress progress(boolean quiet) {
    return !quiet && Terminal.interactive()
        ? new OrgAuditCommand.Progress(spec.commandLine().getErr(), true, true)
        : OrgAuditCommand.Progress.silent();
  }

  private void progressLine(String text) {
    if (!GlobalOptions.of(spec).quiet && Terminal.interactive()) {
      spec.commandLine().getErr().print("\r" + text + "\u001b[K");
      spec.commandLine().getErr().flush();
    }
  }

  private void clearProgress() {
    if (!GlobalOptions.of(spec).quiet && Terminal.interactive()) {
      spec.commandLine().getErr().print("\r\u001b[K");
      spec.commandLine().getErr().flush();
    }
  }

  /** A clock the demo moves from one simulated day to the next. */
  static final class SimulatedClock extends Clock {
    private volatile Instant now;

    SimulatedClock(Instant start) {
      this.now = start;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
