package dev.keywarden.functions.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.aws.ActionRecorder;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.aws.DynamoAccountStateStore;
import dev.keywarden.checks.Severity;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.testsupport.SamTemplate;
import dev.keywarden.testsupport.WithEmulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The weekly report as Lambda would run it on the sample event, against a real table, bucket and
 * topic on the emulator, with what an audit stores: two accounts' run summaries of week 2026-W48
 * and their open findings.
 */
@WithEmulator
class ReportAggregatorHandlerIT {
  private static final String TABLE = ReportingAccount.TABLE;
  private static final String BUCKET = ReportingAccount.BUCKET;
  private static final String WEEK = "2026-W48";
  private static final String LOCATION = "s3://" + BUCKET + "/reports/" + WEEK + "/index.html";

  /** Five minutes after the sample event's time, Monday 2026-11-30 07:00 UTC. */
  private static final Instant NOW = Instant.parse("2026-11-30T07:05:00Z");

  private static final Instant AUDITED_AT = Instant.parse("2026-11-26T06:10:00Z");
  private static final String PAYMENTS = "111111111111";
  private static final String DATA = "222222222222";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SamTemplate TEMPLATE = SamTemplate.load("template.yaml");

  private ReportingAccount account;
  private AwsClientFactory clients;
  private AwsClientFactory recorded;
  private ActionRecorder recorder;
  private SecurityInbox securityTeam;
  private ReportAggregatorHandler handler;

  @BeforeEach
  void arrange(AwsEndpoint endpoint) {
    account = ReportingAccount.arrange(endpoint);
    clients = account.clients();
    recorder = ActionRecorder.create();
    recorded = account.recordedBy(recorder);
    securityTeam = SecurityInbox.subscribe(clients, account.securityTopic());
    storeTheWeeksAudits(
        DynamoAccountStateStore.builder().client(clients.dynamoDb()).tableName(TABLE).build());
    handler = account.handler(recorded, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    recorded.close();
    account.close();
  }

  /**
   * Payments: a root access key (critical) and an expired key (high); data: a console user without
   * MFA (high).
   */
  private static void storeTheWeeksAudits(DynamoAccountStateStore store) {
    store.putSummary(
        summary(
            PAYMENTS,
            Map.of(Severity.CRITICAL, 1, Severity.HIGH, 1),
            Map.of("root-access-key", 1, "key-expired", 1)));
    store.putSummary(summary(DATA, Map.of(Severity.HIGH, 1), Map.of("console-without-mfa", 1)));
    store.writeFindings(
        PAYMENTS,
        List.of(
            finding(
                PAYMENTS,
                "root-access-key",
                "root-access-key",
                "<root_account>",
                Severity.CRITICAL),
            finding(
                PAYMENTS,
                "key-expired",
                "AKIAPAYMENTSBATCH001",
                "svc-payments-batch",
                Severity.HIGH)));
    store.writeFindings(
        DATA, List.of(finding(DATA, "console-without-mfa", "user/dana", "dana", Severity.HIGH)));
  }

  private static RunSummary summary(
      String account, Map<Severity, Integer> bySeverity, Map<String, Integer> byCheck) {
    return RunSummary.builder(account, "run-20261126T061000Z-5e1d0c2a", AUDITED_AT)
        .openBySeverity(bySeverity)
        .openByCheck(byCheck)
        .users(4)
        .activeKeys(3)
        .consoleUsers(2)
        .consoleUsersWithMfa(1)
        .rootMfa(Optional.of(true))
        .rootAccessKey(Optional.of(account.equals(PAYMENTS)))
        .opened(1)
        .notices(1)
        .build();
  }

  private static StoredFinding finding(
      String account, String checkId, String resourceId, String principal, Severity severity) {
    return new StoredFinding(
        account,
        checkId,
        resourceId,
        principal,
        severity,
        checkId,
        checkId + " on " + principal,
        FindingStatus.OPEN,
        AUDITED_AT,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        1);
  }

  private Map<String, Object> invoke() {
    return handler.handleRequest(Events.load("scheduled-weekly.json", ScheduledEvent.class), null);
  }

  private String object(String name) {
    return clients
        .s3()
        .getObjectAsBytes(r -> r.bucket(BUCKET).key("reports/" + WEEK + "/" + name))
        .asString(StandardCharsets.UTF_8);
  }

  @Test
  void handleRequest_withTheWeeklyEvent_answersThePreviousWeekAndWhereItsReportIs() {
    assertThat(invoke()).containsEntry("week", WEEK).containsEntry("location", LOCATION);
  }

  @Test
  void handleRequest_withTheWeeklyEvent_writesTheWeeksFourFiles() {
    invoke();

    assertThat(clients.s3().listObjectsV2(r -> r.bucket(BUCKET)).contents())
        .extracting(S3Object::key)
        .containsExactlyInAnyOrder(
            "reports/" + WEEK + "/index.html",
            "reports/" + WEEK + "/report.json",
            "reports/" + WEEK + "/findings.csv",
            "reports/" + WEEK + "/findings.ocsf.json");
  }

  @Test
  void handleRequest_writesAPageWithTheWeeksHeadlineNumbers() {
    invoke();
    String page = object("index.html");

    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains(WEEK)
        .contains("data-metric=\"accounts-audited\" value=\"2\"")
        .contains("data-metric=\"open-critical\" value=\"1\"")
        .contains("data-metric=\"open-high\" value=\"2\"")
        .contains("data-metric=\"open-total\" value=\"3\"");
  }

  @Test
  void handleRequest_writesJsonThatParsesWithTheSameHeadline() throws Exception {
    invoke();
    JsonNode report = JSON.readTree(object("report.json"));

    assertThat(report.path("isoWeek").asText()).isEqualTo(WEEK);
    assertThat(report.at("/headline/accounts-audited").asInt()).isEqualTo(2);
    assertThat(report.at("/headline/open-total").asInt()).isEqualTo(3);
  }

  @Test
  void handleRequest_writesEveryOpenFindingToTheCsv() {
    invoke();

    assertThat(object("findings.csv").lines().skip(1))
        .hasSize(3)
        .anySatisfy(line -> assertThat(line).contains(PAYMENTS).contains("root-access-key"))
        .anySatisfy(line -> assertThat(line).contains(PAYMENTS).contains("svc-payments-batch"))
        .anySatisfy(line -> assertThat(line).contains(DATA).contains("dana"));
  }

  @Test
  void handleRequest_sendsTheDigestWithTheReportsLocationToTheSecurityTopic() {
    invoke();

    assertThat(securityTeam.drain())
        .singleElement()
        .satisfies(
            digest -> {
              assertThat(digest.subject()).contains(WEEK);
              assertThat(digest.body()).contains(LOCATION);
              assertThat(digest.attributes())
                  .containsEntry("kind", "weekly-digest")
                  .containsEntry("week", WEEK);
            });
  }

  @Test
  void handleRequest_inAnOrganization_makesOnlyCallsTheAggregatorsRoleAllows() {
    clients.organizations().createOrganization(r -> r.featureSet("ALL"));
    invoke();

    assertThat(recorder.actions())
        .contains(
            "dynamodb:Query",
            "dynamodb:GetItem",
            "s3:PutObject",
            "sns:Publish",
            "organizations:ListAccounts");
    assertThat(recorder.actions())
        .allSatisfy(
            action ->
                assertThat(TEMPLATE.allows("ReportAggregatorRole", action))
                    .as("aggregator role allows %s", action)
                    .isTrue());
  }

  @Test
  void handleRequest_withoutAnOrganization_makesOnlyCallsTheAggregatorsRoleAllows() {
    invoke();

    assertThat(recorder.actions())
        .contains("organizations:DescribeOrganization")
        .as("account names only: no 'auditing it alone' path")
        .doesNotContain("sts:GetCallerIdentity");
    assertThat(recorder.actions())
        .allSatisfy(
            action ->
                assertThat(TEMPLATE.allows("ReportAggregatorRole", action))
                    .as("aggregator role allows %s", action)
                    .isTrue());
  }
}
