package dev.keywarden.aws;

import dev.keywarden.KeywardenException;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Who the configured credentials are: the account they act in and the principal's ARN.
 *
 * @param accountId the 12-digit account id
 * @param arn the caller's ARN
 */
public record CallerIdentity(String accountId, String arn) {
  public CallerIdentity {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(arn, "arn");
  }

  /** Asks STS; a failure says that the credentials could not be used, and why. */
  public static CallerIdentity of(StsClient sts) {
    try {
      GetCallerIdentityResponse response = sts.getCallerIdentity();
      return new CallerIdentity(response.account(), response.arn());
    } catch (SdkException e) {
      throw new KeywardenException(
          "sts:GetCallerIdentity failed, so the configured AWS credentials cannot be used: "
              + e.getMessage(),
          e);
    }
  }
}
