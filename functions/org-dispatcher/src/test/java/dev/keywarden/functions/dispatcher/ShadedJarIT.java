package dev.keywarden.functions.dispatcher;

import dev.keywarden.testsupport.lambda.DeploymentJarContract;
import java.util.List;

/**
 * The jar template.yaml deploys for this function, held to the contract every function's jar meets.
 */
class ShadedJarIT extends DeploymentJarContract {
  @Override
  protected String handlerEntry() {
    return "dev/keywarden/functions/dispatcher/OrgDispatcherHandler.class";
  }

  @Override
  protected List<String> servicesCalled() {
    return List.of("sts", "dynamodb", "sqs", "organizations");
  }

  @Override
  protected List<String> servicesLeftOut() {
    return List.of("s3", "iam", "sns", "secretsmanager", "securityhub", "accessanalyzer");
  }
}
