package dev.keywarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.checks.ExemptionGrant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExemptionsSectionTest {
  private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

  private static ExemptionGrant grant(String user, String until) {
    return new ExemptionGrant(
        "123456789012",
        user,
        LocalDate.parse(until),
        "vendor <appliance>",
        Set.of("key-expired"),
        "arn:aws:iam::111111111111:role/security-team",
        Instant.parse("2026-11-01T10:00:00Z"));
  }

  private static ReportFiles render(List<ExemptionGrant> grants) {
    ReportInput input =
        new ReportInput(
            "2026-W49",
            NOW,
            List.of(),
            List.of(),
            Map.of(),
            List.of(),
            Map.of(),
            Set.of(),
            Map.of(),
            grants);
    return ReportFiles.render(input, "s3://bucket/reports/2026-W49/index.html");
  }

  @Test
  void render_whenGrantsInForce_listsEachWithItsExpirySoonestFirstEverywhere() throws Exception {
    ReportFiles files =
        render(
            List.of(
                grant("svc-late", "2027-03-01"),
                grant("svc-soon", "2026-12-05"),
                grant("svc-ended", "2026-11-29")));

    assertThat(files.html())
        .contains("<h2 id=\"h-exempt\">Exemptions in force</h2>")
        .contains("2026-12-05 (in 5 d)")
        .contains("vendor &lt;appliance&gt;")
        .doesNotContain("svc-ended");
    assertThat(files.html().indexOf("svc-soon")).isLessThan(files.html().indexOf("svc-late"));
    JsonNode json = new ObjectMapper().readTree(files.json());
    assertThat(json.get("exemptions")).hasSize(2);
    assertThat(json.get("exemptions").get(0).get("userName").asText()).isEqualTo("svc-soon");
    assertThat(json.get("exemptions").get(0).get("until").asText()).isEqualTo("2026-12-05");
    assertThat(json.get("exemptions").get(0).get("grantedBy").asText())
        .isEqualTo("arn:aws:iam::111111111111:role/security-team");
    assertThat(files.digest())
        .contains(
            "Exemptions in force: 2; the next ends 2026-12-05 (svc-soon in 123456789012).\nFull report: ");
  }

  @Test
  void render_whenNoGrant_saysNobodyIsExempt() {
    ReportFiles files = render(List.of());

    assertThat(files.html()).contains("No user is exempt");
    assertThat(files.digest()).contains("Exemptions in force: none.");
  }
}
