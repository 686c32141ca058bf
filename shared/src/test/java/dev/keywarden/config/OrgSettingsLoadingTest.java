package dev.keywarden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrgSettingsLoadingTest {
  private static OrgSettings load(Map<String, String> env) {
    return ConfigLoader.loadSettings(Optional.empty(), env).org();
  }

  @Test
  void loadSettings_whenNothingIsSet_assumesKeywardenAuditRoleInEveryAccount() {
    OrgSettings org = load(Map.of());

    assertThat(org).isEqualTo(OrgSettings.defaults());
    assertThat(org.auditRoleName()).isEqualTo("KeywardenAuditRole");
    assertThat(org.externalId()).isEmpty();
    assertThat(org.selectsByOu()).isFalse();
    assertThat(org.auditQueueUrl()).isEmpty();
  }

  @Test
  void loadSettings_whenEverythingIsSet_keepsEachValueInOrder() {
    OrgSettings org =
        load(
            Map.of(
                "KEYWARDEN_AUDIT_ROLE_NAME", "Audit.Role-1",
                "KEYWARDEN_EXTERNAL_ID", "kw:org/o-abc123=x",
                "KEYWARDEN_INCLUDE_OUS", "ou-ab12-cdefgh34, r-ab12",
                "KEYWARDEN_EXCLUDE_OUS", "ou-ab12-zzzzzzzz",
                "KEYWARDEN_INCLUDE_ACCOUNTS", "111111111111,222222222222",
                "KEYWARDEN_EXCLUDE_ACCOUNTS", "333333333333",
                "KEYWARDEN_AUDIT_QUEUE_URL",
                    "https://sqs.eu-west-1.amazonaws.com/123456789012/keywarden-audit-requests"));

    assertThat(org.auditRoleName()).isEqualTo("Audit.Role-1");
    assertThat(org.externalId()).contains("kw:org/o-abc123=x");
    assertThat(org.includeOus()).containsExactly("ou-ab12-cdefgh34", "r-ab12");
    assertThat(org.excludeOus()).containsExactly("ou-ab12-zzzzzzzz");
    assertThat(org.includeAccounts()).containsExactly("111111111111", "222222222222");
    assertThat(org.excludeAccounts()).containsExactly("333333333333");
    assertThat(org.auditQueueUrl())
        .contains("https://sqs.eu-west-1.amazonaws.com/123456789012/keywarden-audit-requests");
    assertThat(org.selectsByOu()).isTrue();
  }

  @Test
  void loadSettings_whenTheEmulatorsQueueUrlIsGiven_acceptsIt() {
    assertThat(
            load(Map.of("KEYWARDEN_AUDIT_QUEUE_URL", "http://127.0.0.1:41234/123456789012/audit"))
                .auditQueueUrl())
        .contains("http://127.0.0.1:41234/123456789012/audit");
  }

  @Test
  void loadSettings_whenSetInAFile_namesTheFileAndLineOfABadValue(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("keywarden.properties");
    Files.writeString(file, "# org\naudit-role-name = Keywarden\ninclude-accounts = 12345\n");

    assertThatThrownBy(() -> ConfigLoader.loadSettings(Optional.of(file), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file + " line 3")
        .hasMessageContaining(
            "include-accounts must be a comma-separated list of 12-digit account ids; '12345' is not one");
  }

  @Test
  void loadSettings_whenTheExternalIdIsBad_neverRepeatsIt() {
    assertThatThrownBy(() -> load(Map.of("KEYWARDEN_EXTERNAL_ID", "secret value!")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("environment variable KEYWARDEN_EXTERNAL_ID")
        .hasMessageContaining("external-id must be 2 to 1224")
        .hasMessageContaining("13 characters")
        .hasMessageNotContaining("secret");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "KEYWARDEN_AUDIT_ROLE_NAME|Keywarden Audit|audit-role-name must be an IAM role name",
        "KEYWARDEN_AUDIT_ROLE_NAME|role/KeywardenAuditRole|got 'role/KeywardenAuditRole'",
        "KEYWARDEN_AUDIT_ROLE_NAME|R12345678901234567890123456789012345678901234567890123456789012345|audit-role-name must be an IAM role name of 1 to 64",
        "KEYWARDEN_EXTERNAL_ID|x|external-id must be 2 to 1224",
        "KEYWARDEN_INCLUDE_OUS|ou-1|include-ous must be a comma-separated list of OU ids",
        "KEYWARDEN_INCLUDE_OUS|123456789012|'123456789012' is not one",
        "KEYWARDEN_EXCLUDE_OUS|ou-ab12-cdefgh34,ou-ab12-cdefgh34|exclude-ous lists ou-ab12-cdefgh34 twice",
        "KEYWARDEN_INCLUDE_ACCOUNTS|1234567890123|'1234567890123' is not one",
        "KEYWARDEN_EXCLUDE_ACCOUNTS|ou-ab12-cdefgh34|exclude-accounts must be a comma-separated list of 12-digit account ids",
        "KEYWARDEN_AUDIT_QUEUE_URL|keywarden-audit-requests|audit-queue-url must be an SQS queue URL",
        "KEYWARDEN_AUDIT_QUEUE_URL|ftp://sqs.example.com/123456789012/q|audit-queue-url must be an SQS queue URL",
      })
  void loadSettings_whenAValueIsBad_namesTheVariableAndWhatItAccepts(
      String variable, String value, String expected) {
    assertThatThrownBy(() -> load(Map.of(variable, value)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("environment variable " + variable)
        .hasMessageContaining(expected);
  }
}
