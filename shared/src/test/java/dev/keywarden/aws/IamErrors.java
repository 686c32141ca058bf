package dev.keywarden.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.iam.model.IamException;

/** IAM's errors as the SDK raises them, for unit tests of how the gateways translate them. */
final class IamErrors {
  private IamErrors() {}

  /** An IAM error with this error code and HTTP status. */
  static IamException error(String code, int status) {
    return (IamException)
        IamException.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("nope").build())
            .build();
  }
}
