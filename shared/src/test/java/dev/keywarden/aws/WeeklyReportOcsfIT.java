package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.checks.Severity;
import dev.keywarden.config.ConfigLoader;
import dev.keywarden.config.Settings;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.RunSummary;
import dev.keywarden.findings.StoredFinding;
import dev.keywarden.report.OcsfFindings;
import dev.keywarden.testsupport.WithEmulator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The weekly report published to S3 carries {@code findings.ocsf.json} beside its other files. */
@WithEmulator
class WeeklyReportOcsfIT {
  private static final String ACCOUNT = "123456789012";

  @Test
  void publish_writesTheWeeksOpenFindingsAsOcsfBesideTheReport(AwsEndpoint endpoint)
      throws Exception {
    try (AwsClientFactory clients = EmulatorClients.of(endpoint)) {
      DynamoAccountStateStore.createTable(clients.dynamoDb(), "keywarden-findings");
      clients.s3().createBucket(r -> r.bucket("keywarden-reports"));
      Settings settings =
          ConfigLoader.loadSettings(
              Optional.empty(), Map.of("KEYWARDEN_REPORTS_BUCKET", "keywarden-reports"));
      DynamoAccountStateStore store = AccountRuns.store(clients, settings);
      Instant audited = Instant.parse("2026-11-26T06:10:00Z");
      store.putSummary(
          RunSummary.builder(ACCOUNT, "run-20261126T061000Z-5e1d0c2a", audited)
              .openBySeverity(Map.of(Severity.HIGH, 1))
              .openByCheck(Map.of("key-expired", 1))
              .users(1)
              .activeKeys(1)
              .consoleUsers(1)
              .rootMfa(Optional.of(true))
              .rootAccessKey(Optional.of(false))
              .opened(1)
              .notices(1)
              .build());
      store.writeFindings(
          ACCOUNT,
          List.of(
              new StoredFinding(
                  ACCOUNT,
                  "key-expired",
                  "arn:aws:iam::" + ACCOUNT + ":user/svc-a#access_key_1",
                  "svc-a",
                  Severity.HIGH,
                  "Access key past its maximum age",
                  "access key 1 of svc-a is 91 days old",
                  FindingStatus.OPEN,
                  audited,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  1)));

      WeeklyReports.create(
              clients, settings, Clock.fixed(Instant.parse("2026-11-30T07:05:00Z"), ZoneOffset.UTC))
          .publish("2026-W48");

      JsonNode ocsf =
          new ObjectMapper()
              .readTree(
                  clients
                      .s3()
                      .getObjectAsBytes(
                          r ->
                              r.bucket("keywarden-reports")
                                  .key("reports/2026-W48/" + OcsfFindings.FILE))
                      .asUtf8String());
      assertThat(ocsf)
          .singleElement()
          .satisfies(
              o -> {
                assertThat(o.path("class_uid").asInt()).isEqualTo(2003);
                assertThat(o.at("/cloud/account/uid").asText()).isEqualTo(ACCOUNT);
                assertThat(o.at("/finding_info/title").asText())
                    .isEqualTo("Access key past its maximum age");
              });
    }
  }
}
