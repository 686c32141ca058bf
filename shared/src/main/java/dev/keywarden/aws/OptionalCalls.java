package dev.keywarden.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How the optional account-level listings (service-specific credentials, the Organization's
 * features, Access Analyzer) are retried: on throttling, I/O errors and AWS's own 5xx errors, as
 * patiently as every other call, but not on a 5xx answer without an AWS error code. That is how an
 * endpoint that does not know the API answers, and the client's standard strategy would retry it
 * eight times with backoff, seconds per audit, for an answer that never changes ({@link Refusals}
 * then reads it as refused as unknown).
 */
final class OptionalCalls {
  private static final int MAX_ATTEMPTS = 8;

  static final RetryStrategy THROTTLING_ONLY =
      DefaultRetryStrategy.standardStrategyBuilder()
          .maxAttempts(MAX_ATTEMPTS)
          .retryOnException(OptionalCalls::retryable)
          .treatAsThrottling(OptionalCalls::throttled)
          .backoffStrategy(
              BackoffStrategy.exponentialDelay(
                  AwsClientFactory.BASE_DELAY, AwsClientFactory.MAX_BACKOFF))
          .throttlingBackoffStrategy(
              BackoffStrategy.exponentialDelay(
                  AwsClientFactory.THROTTLING_BASE_DELAY, AwsClientFactory.MAX_BACKOFF))
          .build();

  /** Put on a request's override configuration to retry it on throttling only. */
  static final SdkPlugin RETRY_THROTTLING_ONLY =
      config -> config.overrideConfiguration(o -> o.retryStrategy(THROTTLING_ONLY));

  private OptionalCalls() {}

  static boolean throttled(Throwable e) {
    return e instanceof SdkServiceException service && service.isThrottlingException();
  }

  static boolean retryable(Throwable e) {
    if (throttled(e) || e instanceof SdkClientException) {
      return true;
    }
    return e instanceof AwsServiceException aws
        && aws.statusCode() >= 500
        && !Refusals.unknown(aws);
  }
}
