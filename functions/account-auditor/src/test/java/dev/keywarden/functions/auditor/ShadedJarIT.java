package dev.keywarden.functions.auditor;

import dev.keywarden.testsupport.lambda.DeploymentJarContract;
import java.util.List;

/**
 * The jar template.yaml deploys for this function, held to the contract every function's jar meets.
 */
class ShadedJarIT extends DeploymentJarContract {
  @Override
  protected String handlerEntry() {
    return "dev/keywarden/functions/auditor/AccountAuditorHandler.class";
  }

  @Override
  protected List<String> servicesCalled() {
    return List.of(
        "iam", "sts", "dynamodb", "sns", "secretsmanager", "securityhub", "accessanalyzer");
  }

  @Override
  protected List<String> servicesLeftOut() {
    return List.of("s3", "sqs", "organizations");
  }
}
