package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.Severity;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.faults.FaultProxy;
import dev.keywarden.faults.FaultProxy.Fault;
import dev.keywarden.faults.FaultProxy.Rule;
import dev.keywarden.faults.FaultProxy.When;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.report.ReportFiles;
import dev.keywarden.testsupport.WithEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The weekly report published once against a well-behaved emulator and once through a {@link
 * FaultProxy}: the three files in S3 must be byte for byte the same, and the security team must get
 * the digest, however the table's queries, the bucket's writes and the topic misbehave.
 */
@WithEmulator
class WeeklyReportFaultIT {
  private static final String TABLE = "keywarden-findings";
  private static final String BUCKET = "keywarden-reports";
  private static final String WEEK = "2026-W48";
  private static final Instant NOW = Instant.parse("2026-11-30T07:05:00Z");
  private static final Instant AUDITED_AT = Instant.parse("2026-11-26T06:10:00Z");
  private static final Instant LAST_WEEK = Instant.parse("2026-11-19T06:10:00Z");
  private static final int ACCOUNTS = 12;

  private AwsEndpoint endpoint;
  private AwsClientFactory direct;
  private String securityTopic;
  private NoticeInbox securityTeam;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    this.endpoint = endpoint;
    direct = EmulatorClients.of(endpoint);
    DynamoAccountStateStore.createTable(direct.dynamoDb(), TABLE);
    securityTopic = direct.sns().createTopic(r -> r.name("keywarden-security")).topicArn();
    securityTeam = NoticeInbox.subscribeAll(direct, securityTopic, "security-team");
    direct.s3().createBucket(r -> r.bucket(BUCKET));
    storeTwoWeeksOfAudits(AccountRuns.store(direct, settings()));
  }

  @AfterEach
  void close() {
    direct.close();
  }

  @Test
  void publish_whenAQuarterOfCallsFailBeforeReachingAws_writesTheSameReportAndOneDigest()
      throws Exception {
    Published clean = publish(direct);

    try (FaultProxy proxy =
        FaultProxy.start(
            endpoint.endpoint(),
            20261130L,
            Duration.ofMillis(20),
            Rule.failingBeforeForwarding())) {
      Published faulty = publishThrough(proxy);

      System.out.printf(
          "weekly report, faults before forwarding: %d calls reached the emulator, %d faults %s%n",
          proxy.forwarded().values().stream().mapToLong(Long::longValue).sum(),
          proxy.injectedTotal(),
          proxy.injected());
      assertThat(proxy.injectedTotal()).as("faults injected %s", proxy.injected()).isGreaterThan(5);
      assertThat(faulty.files()).isEqualTo(clean.files());
      assertThat(faulty.digests()).containsExactlyElementsOf(clean.digests());
    }
  }

  /**
   * Writes whose answer is lost after S3 or SNS applied them: the SDK sends them again. A file
   * written twice is the same file; the digest may arrive twice, never zero times.
   */
  @Test
  void publish_whenWritesFailAfterAwsAppliedThem_writesTheSameReportAndTheDigestAtLeastOnce()
      throws Exception {
    Published clean = publish(direct);

    try (FaultProxy proxy =
        FaultProxy.start(
            endpoint.endpoint(),
            11L,
            Duration.ofMillis(20),
            List.of(
                new Rule(
                    op -> op.startsWith("s3:PUT ") || op.equals("sns:Publish"),
                    Fault.RESET,
                    When.AFTER_FORWARDING,
                    0.25),
                new Rule(
                    op -> op.startsWith("s3:PUT ") || op.equals("sns:Publish"),
                    Fault.SERVER_ERROR,
                    When.AFTER_FORWARDING,
                    0.25),
                Rule.everyCall(Fault.THROTTLE, When.BEFORE_FORWARDING, 0.10)))) {
      Published faulty = publishThrough(proxy);

      System.out.printf(
          "weekly report, writes failing after forwarding: %d faults %s%n",
          proxy.injectedTotal(), proxy.injected());
      assertThat(proxy.injected().keySet())
          .as("some write's answer was lost")
          .anyMatch(k -> k.endsWith("AFTER_FORWARDING"));
      assertThat(faulty.files()).isEqualTo(clean.files());
      long lostPublishAnswers = proxy.lostAnswers("sns:Publish");
      assertThat(faulty.digests())
          .as("every extra copy is a Publish whose answer was lost")
          .isNotEmpty()
          .hasSizeLessThanOrEqualTo(1 + (int) lostPublishAnswers)
          .allMatch(d -> d.equals(clean.digests().get(0)));
    }
  }

  /**
   * What one publication left: the week's files by name, and each digest the security team
   * received.
   */
  private record Published(Map<String, String> files, List<String> digests) {}

  private Published publishThrough(FaultProxy proxy) throws Exception {
    try (AwsClientFactory through = EmulatorClients.through(endpoint, proxy.endpoint())) {
      return publish(through);
    }
  }

  /**
   * Publishes the week with the given clients, reads back what it left, then clears the bucket and
   * inbox.
   */
  private Published publish(AwsClientFactory clients) throws Exception {
    String location =
        WeeklyReports.create(clients, settings(), Clock.fixed(NOW, ZoneOffset.UTC)).publish(WEEK);
    assertThat(location).isEqualTo("s3://" + BUCKET + "/reports/" + WEEK + "/" + ReportFiles.HTML);
    Map<String, String> files = new TreeMap<>();
    for (String name : List.of(ReportFiles.HTML, ReportFiles.JSON, ReportFiles.CSV)) {
      String key = "reports/" + WEEK + "/" + name;
      files.put(
          name,
          direct
              .s3()
              .getObjectAsBytes(r -> r.bucket(BUCKET).key(key))
              .asString(StandardCharsets.UTF_8));
      direct.s3().deleteObject(r -> r.bucket(BUCKET).key(key));
    }
    List<String> digests = new ArrayList<>();
    for (NoticeInbox.ReceivedNotice notice : securityTeam.drain()) {
      digests.add(notice.body());
    }
    return new Published(files, digests);
  }

  private Settings settings() {
    return ConfigLoader.loadSettings(
        Optional.empty(),
        Map.of(
            "KEYWARDEN_FINDINGS_TABLE", TABLE,
            "KEYWARDEN_SECURITY_TOPIC_ARN", securityTopic,
            "KEYWARDEN_REPORTS_BUCKET", BUCKET));
  }

  /**
   * This week and last week for a dozen accounts, each with open findings and an owner on record.
   */
  private static void storeTwoWeeksOfAudits(DynamoAccountStateStore store) {
    for (int i = 1; i <= ACCOUNTS; i++) {
      String account = String.format("%012d", 100_000_000_000L + i);
      store.putSummary(summary(account, "run-20261119T061000Z-0a0a0a0a", LAST_WEEK, i % 3));
      store.putSummary(summary(account, "run-20261126T061000Z-5e1d0c2a", AUDITED_AT, i % 4));
      List<StoredFinding> open = new ArrayList<>();
      Map<String, String> owners = new TreeMap<>();
      for (int k = 0; k < i % 4; k++) {
        open.add(
            new StoredFinding(
                account,
                "key-expired",
                "AKIAEXPIRED" + i + "X" + k,
                "svc-" + i + "-" + k,
                Severity.HIGH,
                "key-expired",
                "access key of svc-" + i + "-" + k + " is past its age limit",
                FindingStatus.OPEN,
                AUDITED_AT,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                1));
        owners.put("svc-" + i + "-" + k, "team-" + i + "@example.com");
      }
      store.putOwners(account, owners);
      if (i % 5 == 0) {
        open.add(
            new StoredFinding(
                account,
                "root-access-key",
                "root-access-key",
                "<root_account>",
                Severity.CRITICAL,
                "root-access-key",
                "the root user has an access key",
                FindingStatus.OPEN,
                AUDITED_AT,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                1));
      }
      store.writeFindings(account, open);
    }
  }

  private static RunSummary summary(String account, String runId, Instant at, int expired) {
    return RunSummary.builder(account, runId, at)
        .openBySeverity(Map.of(Severity.HIGH, expired))
        .openByCheck(Map.of("key-expired", expired))
        .users(6)
        .activeKeys(4)
        .consoleUsers(3)
        .consoleUsersWithMfa(1)
        .rootMfa(Optional.of(true))
        .rootAccessKey(Optional.of(false))
        .opened(1)
        .notices(expired)
        .build();
  }
}
