package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class OptionalCallsTest {
  private static AwsServiceException error(int status, String code) {
    return AwsServiceException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
        .build();
  }

  @Test
  void retryable_whenThrottledOrIoOrAws5xx_isTrue() {
    assertThat(OptionalCalls.retryable(error(400, "Throttling"))).isTrue();
    assertThat(OptionalCalls.retryable(SdkClientException.create("connection reset"))).isTrue();
    assertThat(OptionalCalls.retryable(error(500, "ServiceFailure"))).isTrue();
  }

  @Test
  void retryable_when5xxWithoutAwsCodeOrClientError_isFalse() {
    assertThat(OptionalCalls.retryable(error(500, null))).isFalse();
    assertThat(OptionalCalls.retryable(error(403, "AccessDenied"))).isFalse();
  }
}
