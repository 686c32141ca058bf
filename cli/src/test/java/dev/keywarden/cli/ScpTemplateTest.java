package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service control policy shipped in scp-protect-keywarden.yaml says what docs/deployment.md
 * says it does.
 */
class ScpTemplateTest {
  private static final Path TEMPLATE =
      Path.of("..").toAbsolutePath().normalize().resolve("scp-protect-keywarden.yaml");

  /** The policy document as CloudFormation would substitute it with the defaults. */
  private static JsonNode policy() throws Exception {
    String text = Files.readString(TEMPLATE);
    String content =
        text.substring(
            text.indexOf("Content: !Sub |") + "Content: !Sub |".length(),
            text.indexOf("\nOutputs:"));
    String json =
        content
            .replace("${AWS::Partition}", "aws")
            .replace("${SecurityTeamRoleName}", "SecurityTeam")
            .replace("${AuditRoleName}", "KeywardenAuditRole")
            .replace("${StackSetsRoleNamePattern}", "stacksets-exec-*");
    assertThat(json).doesNotContain("${");
    return new ObjectMapper().readTree(json);
  }

  private static JsonNode statement(String sid) throws Exception {
    for (JsonNode s : policy().get("Statement")) {
      if (s.get("Sid").asText().equals(sid)) {
        return s;
      }
    }
    throw new AssertionError("no statement " + sid);
  }

  private static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void policy_deniesKeywardenUserTagsToAllButTheSecurityTeam() throws Exception {
    JsonNode tags = statement("DenyKeywardenUserTags");

    assertThat(tags.get("Effect").asText()).isEqualTo("Deny");
    assertThat(texts(tags.get("Action"))).contains("iam:TagUser", "iam:UntagUser");
    assertThat(texts(tags.get("Condition").get("ForAnyValue:StringLike").get("aws:TagKeys")))
        .containsExactly("keywarden:*");
    assertThat(texts(tags.get("Condition").get("ArnNotLike").get("aws:PrincipalArn")))
        .containsExactly("arn:aws:iam::*:role/SecurityTeam");
  }

  @Test
  void policy_deniesChangesToTheAuditRoleToAllButTheSecurityTeamAndStackSets() throws Exception {
    JsonNode role = statement("DenyAuditRoleChanges");

    assertThat(role.get("Resource").asText()).isEqualTo("arn:aws:iam::*:role/KeywardenAuditRole");
    assertThat(texts(role.get("Action")))
        .contains(
            "iam:DeleteRole",
            "iam:UpdateAssumeRolePolicy",
            "iam:PutRolePolicy",
            "iam:AttachRolePolicy",
            "iam:DetachRolePolicy");
    assertThat(texts(role.get("Condition").get("ArnNotLike").get("aws:PrincipalArn")))
        .containsExactly(
            "arn:aws:iam::*:role/SecurityTeam", "arn:aws:iam::*:role/stacksets-exec-*");
  }
}
