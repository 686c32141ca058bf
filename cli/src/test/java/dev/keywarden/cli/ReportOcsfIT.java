package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.aws.AwsClientFactory;
import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.findings.IsoWeek;
import dev.keywarden.testsupport.WithEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * run, then report: the report folder holds the week's open findings as OCSF Compliance Findings.
 */
@WithEmulator
class ReportOcsfIT {
  @TempDir Path dir;

  @Test
  void report_afterARun_writesFindingsOcsfJsonWithEveryOpenFinding(AwsEndpoint endpoint)
      throws Exception {
    try (AwsClientFactory clients = LocalEmulator.clients(endpoint)) {
      clients
          .iam()
          .createUser(
              r ->
                  r.userName("dave")
                      .tags(Tag.builder().key("owner").value("dave@example.com").build()));
      clients.iam().createLoginProfile(r -> r.userName("dave").password("Example-password-1!"));
    }
    String url = endpoint.endpoint().toString();
    CliRun.of("setup", "--endpoint-url", url);
    assertThat(CliRun.of("run", "--endpoint-url", url).exitCode()).isEqualTo(Main.OK);

    CliRun report =
        CliRun.of(
            "report",
            "--endpoint-url",
            url,
            "--week",
            IsoWeek.of(Instant.now()),
            "--out",
            dir.toString());

    assertThat(report.exitCode()).as(report.err()).isEqualTo(Main.OK);
    JsonNode ocsf =
        new ObjectMapper().readTree(Files.readString(dir.resolve("findings.ocsf.json")));
    List<String> findings = new ArrayList<>();
    ocsf.forEach(
        o -> {
          assertThat(o.path("class_uid").asInt()).isEqualTo(2003);
          findings.add(
              o.at("/resources/0/name").asText() + " " + o.at("/compliance/control").asText());
        });
    assertThat(findings).contains("dave console-without-mfa");
    int csvRows = (int) Files.readString(dir.resolve("findings.csv")).lines().count() - 1;
    assertThat(findings).as("one object per open finding, as the CSV lists them").hasSize(csvRows);
  }
}
