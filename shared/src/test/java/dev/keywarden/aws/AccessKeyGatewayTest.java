package dev.keywarden.aws;

import static dev.keywarden.aws.IamErrors.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.KeywardenException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

class AccessKeyGatewayTest {
  private static final String KEY = "AKIAIOSFODNN7EXAMPLE";

  @Test
  void call_whenAccessDenied_namesOperationUserKeyAndFix() {
    assertThatCall("iam:UpdateAccessKey", error("AccessDenied", 403))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("iam:UpdateAccessKey was denied for key " + KEY + " of user alice")
        .hasMessageContaining("grant it to the audit role");
  }

  @Test
  void call_whenNoSuchEntity_namesOperationUserAndKey() {
    NoSuchEntityException missing =
        (NoSuchEntityException)
            NoSuchEntityException.builder()
                .statusCode(404)
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("NoSuchEntity")
                        .errorMessage("gone")
                        .build())
                .build();

    assertThatCall("iam:UpdateAccessKey", missing)
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("iam:UpdateAccessKey found no key " + KEY + " of user alice")
        .hasCause(missing);
  }

  @Test
  void call_whenServiceFails_wrapsItNamingOperationUserAndKey() {
    assertThatCall("iam:ListAccessKeys", error("ServiceFailure", 500))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("iam:ListAccessKeys failed for key " + KEY + " of user alice")
        .hasMessageContaining("ServiceFailure");
  }

  @Test
  void call_whenClientFails_wrapsIt() {
    assertThatCall("iam:ListAccessKeys", SdkClientException.create("connection refused"))
        .isInstanceOf(KeywardenException.class)
        .hasMessageContaining("connection refused");
  }

  /**
   * Asserts on what {@code AccessKeyGateway.call} throws for alice's key when the SDK call throws
   * {@code thrown}.
   */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertThatCall(
      String operation, RuntimeException thrown) {
    return assertThatThrownBy(
        () ->
            AccessKeyGateway.call(
                operation,
                "alice",
                KEY,
                () -> {
                  throw thrown;
                }));
  }

  @Test
  void call_whenCallSucceeds_returnsItsResult() {
    assertThat(AccessKeyGateway.call("iam:ListAccessKeys", "alice", KEY, () -> 7)).isEqualTo(7);
  }
}
