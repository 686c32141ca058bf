package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.KeywardenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberAccountClientsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "run-1|keywarden-run-1",
        "cli-2026-11-24T031500Z-abc|keywarden-cli-2026-11-24T031500Z-abc",
        "2026-11-24T03:15:00Z|keywarden-2026-11-24T03-15-00Z",
        "a+b=c,d.e@f_g|keywarden-a+b=c,d.e@f_g",
      })
  void sessionName_keepsOnlyWhatStsAllows(String runId, String expected) {
    assertThat(MemberAccountClients.sessionName(runId)).isEqualTo(expected);
  }

  @Test
  void sessionName_whenTheRunIdIsLong_isCutTo64Characters() {
    String name = MemberAccountClients.sessionName("x".repeat(128));

    assertThat(name).hasSize(64).startsWith("keywarden-xxx");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "arn:aws:iam::123456789012:user/auditor|aws",
        "arn:aws-cn:sts::123456789012:assumed-role/r/s|aws-cn",
        "arn:aws-us-gov:iam::123456789012:root|aws-us-gov",
      })
  void partition_readsItFromTheCallersArn(String arn, String expected) {
    assertThat(MemberAccountClients.partition(arn)).isEqualTo(expected);
  }

  @Test
  void partition_whenNotAnArn_failsNamingIt() {
    assertThatThrownBy(() -> MemberAccountClients.partition("auditor"))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("'auditor', which is not an ARN");
  }

  @Test
  void roleArn_namesTheRoleInTheMemberAccount() {
    assertThat(MemberAccountClients.roleArn("aws", "210987654321", "KeywardenAuditRole"))
        .isEqualTo("arn:aws:iam::210987654321:role/KeywardenAuditRole");
  }
}
