package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code keywarden audit --format ocsf}: one OCSF Compliance Finding per finding the JSON output
 * lists.
 */
class AuditCommandOcsfTest {
  private static final String SAMPLE =
      Path.of("..", "shared", "src", "test", "resources", "credential-reports", "sample.csv")
          .toString();

  @Test
  void audit_withFormatOcsf_printsOneComplianceFindingPerFinding() throws Exception {
    CliRun ocsf =
        CliRun.of(
            "audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24", "--format", "ocsf");
    CliRun json =
        CliRun.of(
            "audit", "--credential-report", SAMPLE, "--as-of", "2026-11-24", "--format", "json");

    assertThat(ocsf.exitCode()).as(ocsf.err()).isEqualTo(Main.OK);
    List<String> fromOcsf = new ArrayList<>();
    for (JsonNode o : new ObjectMapper().readTree(ocsf.out())) {
      assertThat(o.path("class_uid").asInt()).isEqualTo(2003);
      assertThat(o.path("category_uid").asInt()).isEqualTo(2);
      assertThat(o.path("time").asLong())
          .isEqualTo(Instant.parse("2026-11-24T00:00:00Z").toEpochMilli());
      assertThat(o.at("/cloud/account/uid").asText()).isEqualTo("123456789012");
      assertThat(o.at("/metadata/version").asText()).isEqualTo("1.5.0");
      fromOcsf.add(o.at("/resources/0/name").asText() + " " + o.at("/compliance/control").asText());
    }
    List<String> fromJson = new ArrayList<>();
    new ObjectMapper()
        .readTree(json.out())
        .get("findings")
        .forEach(f -> fromJson.add(f.get("principal").asText() + " " + f.get("checkId").asText()));
    assertThat(fromOcsf).containsExactlyInAnyOrderElementsOf(fromJson);
  }

  @Test
  void demo_withFormatOcsf_isRefusedWithTheFormatsItPrints() {
    CliRun run = CliRun.of("demo", "--format", "ocsf");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--format").contains("table or json").contains("ocsf");
  }
}
