package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keywarden.testsupport.SamTemplate;
import org.junit.jupiter.api.Test;

/** What template.yaml and member-role.yaml promise about the auditor's queue and roles. */
class TemplateRolesTest {
  private static final SamTemplate TEMPLATE = SamTemplate.load("template.yaml");
  private static final SamTemplate MEMBER = SamTemplate.load("member-role.yaml");

  @Test
  void auditorRole_inASingleAccountDeployment_allowsExactlyTheMemberRolesIamActions() {
    assertThat(
            TEMPLATE.allowedActions("AccountAuditorRole").stream()
                .filter(a -> a.startsWith("iam:") || a.startsWith("access-analyzer:")))
        .containsExactlyInAnyOrderElementsOf(MEMBER.allowedActions("KeywardenAuditRole"));
  }

  @Test
  void memberRole_trustsOnlyTheAuditorWithTheExternalIdFromTheOrganization() {
    JsonNode trust =
        MEMBER.resource("KeywardenAuditRole").at("/Properties/AssumeRolePolicyDocument/Statement");

    assertThat(trust).hasSize(1);
    assertThat(trust.get(0).at("/Principal/AWS").asText()).isEqualTo("AuditorRoleArn");
    assertThat(trust.get(0).at("/Condition/StringEquals/sts:ExternalId").asText())
        .isEqualTo("ExternalId");
    assertThat(trust.get(0).at("/Condition/StringEquals/aws:PrincipalOrgID").asText())
        .isEqualTo("OrganizationId");
  }

  @Test
  void auditRequestsQueue_hidesAMessageForSixAuditorTimeouts() {
    int timeout = TEMPLATE.resource("AccountAuditorFunction").at("/Properties/Timeout").asInt();
    int visibility =
        TEMPLATE.resource("AuditRequestsQueue").at("/Properties/VisibilityTimeout").asInt();

    assertThat(visibility).isGreaterThanOrEqualTo(6 * timeout);
  }

  @Test
  void auditRequestsQueue_movesAMessageToTheDeadLetterQueueAfterThreeReceives() {
    JsonNode redrive = TEMPLATE.resource("AuditRequestsQueue").at("/Properties/RedrivePolicy");

    assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(3);
    assertThat(redrive.path("deadLetterTargetArn").asText())
        .isEqualTo("AuditRequestsDeadLetterQueue.Arn");
  }

  @Test
  void auditorQueueEvents_reportBatchItemFailures() {
    JsonNode source =
        TEMPLATE
            .resource("AccountAuditorFunction")
            .at("/Properties/Events/AuditRequests/Properties");

    assertThat(source.path("FunctionResponseTypes").get(0).asText())
        .isEqualTo("ReportBatchItemFailures");
  }
}
