package dev.keywarden.functions.aggregator;

import dev.keywarden.testsupport.lambda.DeploymentJarContract;
import java.util.List;

/**
 * The jar template.yaml deploys for this function, held to the contract every function's jar meets.
 */
class ShadedJarIT extends DeploymentJarContract {
  @Override
  protected String handlerEntry() {
    return "dev/keywarden/functions/aggregator/ReportAggregatorHandler.class";
  }

  @Override
  protected List<String> servicesCalled() {
    return List.of("dynamodb", "s3", "sns", "organizations", "sts");
  }

  @Override
  protected List<String> servicesLeftOut() {
    return List.of("iam", "sqs", "secretsmanager", "securityhub", "accessanalyzer");
  }
}
