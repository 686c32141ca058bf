package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.iam.model.IamException;

class RetryStrategyTest {
  private final RetryStrategy strategy = AwsClientFactory.retryStrategy(8);

  private static AwsServiceException error(String code, int status) {
    return IamException.builder()
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
        .build();
  }

  private RefreshRetryTokenResponse retryAfter(RetryToken token, Throwable failure) {
    return strategy.refreshRetryToken(
        RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
  }

  @Test
  void refreshRetryToken_whenThrottled_retriesWithinTheThrottlingBaseDelay() {
    RetryToken token =
        strategy.acquireInitialToken(AcquireInitialTokenRequest.create("iam")).token();

    RefreshRetryTokenResponse retry = retryAfter(token, error("Throttling", 400));

    assertThat(retry.delay()).isBetween(Duration.ZERO, AwsClientFactory.THROTTLING_BASE_DELAY);
  }

  @Test
  void refreshRetryToken_whenThrottledSevenTimes_stillRetries() {
    RetryToken token =
        strategy.acquireInitialToken(AcquireInitialTokenRequest.create("iam")).token();
    for (int attempt = 1; attempt < 8; attempt++) {
      token = retryAfter(token, error("Throttling", 400)).token();
    }

    RetryToken exhausted = token;
    assertThatThrownBy(() -> retryAfter(exhausted, error("Throttling", 400)))
        .isInstanceOf(TokenAcquisitionFailedException.class);
  }

  @Test
  void refreshRetryToken_whenAccessDenied_doesNotRetry() {
    RetryToken token =
        strategy.acquireInitialToken(AcquireInitialTokenRequest.create("iam")).token();

    assertThatThrownBy(() -> retryAfter(token, error("AccessDenied", 403)))
        .isInstanceOf(TokenAcquisitionFailedException.class);
  }
}
