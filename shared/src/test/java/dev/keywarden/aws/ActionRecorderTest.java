package dev.keywarden.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionRecorderTest {
  @ParameterizedTest
  @CsvSource({
    "Iam, GetCredentialReport, iam:GetCredentialReport",
    "DynamoDb, TransactWriteItems, dynamodb:TransactWriteItems",
    "Sns, Publish, sns:Publish",
    "Sqs, SendMessage, sqs:SendMessage",
    "Sqs, SendMessageBatch, sqs:SendMessage",
    "Sqs, DeleteMessageBatch, sqs:DeleteMessage",
    "DynamoDb, BatchWriteItem, dynamodb:BatchWriteItem",
    "Sts, AssumeRole, sts:AssumeRole",
    "Organizations, ListAccountsForParent, organizations:ListAccountsForParent",
    "AccessAnalyzer, ListAnalyzers, access-analyzer:ListAnalyzers",
    "Iam, ListSSHPublicKeys, iam:ListSSHPublicKeys"
  })
  void action_whenSdkServiceAndOperation_isTheIamActionName(
      String service, String operation, String action) {
    assertThat(ActionRecorder.action(service, operation)).isEqualTo(action);
  }
}
