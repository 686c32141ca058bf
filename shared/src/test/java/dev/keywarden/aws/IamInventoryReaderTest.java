package dev.keywarden.aws;

import static dev.keywarden.aws.IamErrors.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.KeywardenException;
import dev.keywarden.inventory.PasswordPolicy;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.IamException;

class IamInventoryReaderTest {
  private static final String CALLER =
      "arn:aws:sts::111122223333:assumed-role/KeywardenAuditRole/run";

  @Test
  void call_whenAccessDenied_namesPermissionCallerAndFix() {
    assertThatThrownBy(
            () ->
                IamInventoryReader.call(
                    "iam:GenerateCredentialReport",
                    CALLER,
                    () -> {
                      throw error("AccessDenied", 403);
                    }))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("iam:GenerateCredentialReport was denied for " + CALLER)
        .hasMessageContaining("grant it to the audit role");
  }

  @Test
  void call_whenOtherServiceError_rethrowsItUnchanged() {
    IamException failure = error("ServiceFailure", 500);

    assertThatThrownBy(
            () ->
                IamInventoryReader.call(
                    "iam:GetAccountSummary",
                    CALLER,
                    () -> {
                      throw failure;
                    }))
        .isSameAs(failure);
  }

  @Test
  void call_whenCallSucceeds_returnsItsResult() {
    assertThat(IamInventoryReader.call("iam:GetAccountSummary", CALLER, () -> 42)).isEqualTo(42);
  }

  @Test
  void toPasswordPolicy_whenReuseAndExpirySet_keepsThem() {
    PasswordPolicy policy =
        IamInventoryReader.toPasswordPolicy(
            software.amazon.awssdk.services.iam.model.PasswordPolicy.builder()
                .minimumPasswordLength(14)
                .passwordReusePrevention(24)
                .expirePasswords(true)
                .maxPasswordAge(90)
                .build());

    assertThat(policy).isEqualTo(new PasswordPolicy(true, 14, Optional.of(24), Optional.of(90)));
  }

  @Test
  void toPasswordPolicy_whenReuseAndExpiryUnset_leavesThemEmpty() {
    PasswordPolicy policy =
        IamInventoryReader.toPasswordPolicy(
            software.amazon.awssdk.services.iam.model.PasswordPolicy.builder()
                .minimumPasswordLength(8)
                .expirePasswords(false)
                .build());

    assertThat(policy).isEqualTo(new PasswordPolicy(true, 8, Optional.empty(), Optional.empty()));
  }
}
