package dev.keywarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckCatalog;
import dev.keywarden.checks.ExemptedFinding;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.StoredFinding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OcsfFindingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OcsfSchema SCHEMA = OcsfSchema.complianceFinding();
  private static final String ACCOUNT = "111122223333";
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

  /** One finding of every catalogue check, at every severity it has, open and exempted. */
  private static AuditResult everyCheck() {
    List<Finding> open = new ArrayList<>();
    List<ExemptedFinding> exempted = new ArrayList<>();
    CheckCatalog.all()
        .forEach(
            check -> {
              Finding f =
                  Finding.of(
                      check.metadata(),
                      ACCOUNT,
                      "svc-a",
                      "arn:aws:iam::" + ACCOUNT + ":user/svc-a#access_key_1",
                      "what " + check.metadata().id() + " found");
              open.add(f);
              exempted.add(
                  new ExemptedFinding(
                      f.withDeadline(NOW), LocalDate.parse("2026-12-31"), "migration"));
            });
    open.add(
        new Finding(
            "deactivation-deferred",
            Severity.HIGH,
            ACCOUNT,
            "<root_account>",
            "arn:aws:iam::" + ACCOUNT + ":root",
            "t",
            "m",
            Optional.empty()));
    return new AuditResult(ACCOUNT, NOW, open, exempted, Map.of());
  }

  private static List<JsonNode> objects(String rendered) throws Exception {
    List<JsonNode> objects = new ArrayList<>();
    JSON.readTree(rendered).forEach(objects::add);
    return objects;
  }

  @Test
  void render_ofAnAudit_givesObjectsThatMeetTheSchemasRequiredAttributesAndEnums()
      throws Exception {
    List<JsonNode> objects = objects(OcsfFindings.render(everyCheck()));

    assertThat(objects).hasSize(2 * CheckCatalog.all().size() + 1);
    assertThat(objects).allSatisfy(o -> assertThat(SCHEMA.problems(o)).as("%s", o).isEmpty());
  }

  @Test
  void render_ofStoredFindings_inEveryStatusAndSeverity_meetsTheSchema() throws Exception {
    List<StoredFinding> stored = new ArrayList<>();
    for (FindingStatus status : FindingStatus.values()) {
      for (Severity severity : Severity.values()) {
        stored.add(
            StoredFinding.builder()
                .accountId(ACCOUNT)
                .checkId("key-expired")
                .resourceId("arn:aws:iam::" + ACCOUNT + ":user/u-" + severity + status)
                .principal("u-" + severity)
                .severity(severity)
                .title("t")
                .message("m")
                .status(status)
                .firstSeen(NOW.minusSeconds(86_400))
                .resolvedAt(status == FindingStatus.RESOLVED ? Optional.of(NOW) : Optional.empty())
                .deadline(Optional.of(NOW))
                .exemptUntil(
                    status == FindingStatus.EXEMPT
                        ? Optional.of(LocalDate.parse("2026-12-31"))
                        : Optional.empty())
                .exemptReason(
                    status == FindingStatus.EXEMPT ? Optional.of("why") : Optional.empty())
                .version(1)
                .build());
      }
    }

    List<JsonNode> objects =
        objects(
            OcsfFindings.render(
                stored, Map.of(ReportInput.ownerKey(ACCOUNT, "u-HIGH"), "o@example.com"), NOW));

    assertThat(objects)
        .hasSize(stored.size())
        .allSatisfy(o -> assertThat(SCHEMA.problems(o)).as("%s", o).isEmpty());
    assertThat(objects)
        .filteredOn(o -> o.at("/resources/0/name").asText().equals("u-HIGH"))
        .allSatisfy(
            o ->
                assertThat(o.at("/resources/0/owner/email_addr").asText())
                    .isEqualTo("o@example.com"));
  }

  @Test
  void object_carriesTheClassCategorySeverityTimeAccountResourceAndCompliance() throws Exception {
    StoredFinding f =
        StoredFinding.builder()
            .accountId(ACCOUNT)
            .checkId("key-expired")
            .resourceId("arn:aws:iam::" + ACCOUNT + ":user/svc-a#access_key_1")
            .principal("svc-a")
            .severity(Severity.HIGH)
            .title("Access key past its maximum age")
            .message("91 days old")
            .status(FindingStatus.OPEN)
            .firstSeen(Instant.parse("2026-11-01T00:00:00Z"))
            .version(1)
            .build();

    JsonNode o = objects(OcsfFindings.render(List.of(f), Map.of(), NOW)).get(0);

    assertThat(o.path("class_uid").asInt()).isEqualTo(2003);
    assertThat(o.path("category_uid").asInt()).isEqualTo(2);
    assertThat(o.path("type_uid").asInt()).isEqualTo(200301);
    assertThat(o.path("severity_id").asInt()).isEqualTo(4);
    assertThat(o.path("time").asLong()).isEqualTo(NOW.toEpochMilli());
    assertThat(o.at("/metadata/version").asText()).isEqualTo("1.5.0");
    assertThat(o.at("/cloud/provider").asText()).isEqualTo("AWS");
    assertThat(o.at("/cloud/account/uid").asText()).isEqualTo(ACCOUNT);
    assertThat(o.at("/resources/0/type").asText()).isEqualTo("AWS::IAM::AccessKey");
    assertThat(o.at("/finding_info/created_time").asLong())
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z").toEpochMilli());
    assertThat(o.at("/compliance/status_id").asInt()).isEqualTo(3);
    assertThat(o.at("/compliance/requirements"))
        .extracting(JsonNode::asText)
        .contains("CIS AWS Foundations Benchmark v3.0.0 1.14", "AWS Security Hub IAM.3");
  }

  @Test
  void schema_whenARequiredAttributeIsMissingOrAnIdIsNotInItsEnum_saysWhere() throws Exception {
    ObjectNode o = (ObjectNode) objects(OcsfFindings.render(everyCheck())).get(0);
    o.remove("finding_info");
    o.put("severity_id", 7);
    ((ObjectNode) o.get("compliance")).put("status_id", 4);
    o.put("class_uid", 2004);
    ((ObjectNode) o.get("cloud")).remove("provider");

    assertThat(SCHEMA.problems(o))
        .anyMatch(p -> p.contains("required attribute finding_info"))
        .anyMatch(p -> p.startsWith("$.severity_id"))
        .anyMatch(p -> p.startsWith("$.compliance"))
        .anyMatch(p -> p.startsWith("$.class_uid"))
        .anyMatch(p -> p.contains("required attribute provider"));
  }

  @Test
  void schema_isTheComplianceFindingOfOcsf150() {
    assertThat(SCHEMA.root().path("$comment").asText()).contains("OCSF 1.5.0").contains("2003");
    assertThat(SCHEMA.root().path("required"))
        .extracting(JsonNode::asText)
        .contains(
            "class_uid",
            "category_uid",
            "activity_id",
            "type_uid",
            "time",
            "severity_id",
            "metadata",
            "finding_info",
            "compliance");
  }

  @Test
  void render_ofNothing_isAnEmptyArray() {
    assertThat(OcsfFindings.render(List.of(), Map.of(), NOW)).isEqualTo("[]\n");
  }
}
