package dev.keywarden.aws;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the IAM action name of every call made ({@code iam:GetCredentialReport}, {@code
 * dynamodb:TransactWriteItems}), so that tests can prove that the deployed roles allow exactly what
 * the code does.
 */
public final class ActionRecorder implements ExecutionInterceptor {
  private final Set<String> actions = ConcurrentHashMap.newKeySet();

  private ActionRecorder() {}

  public static ActionRecorder create() {
    return new ActionRecorder();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    actions.add(
        action(
            attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
            attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)));
  }

  /**
   * {@code Iam} + {@code GetCredentialReport} is {@code iam:GetCredentialReport}: for every service
   * Keywarden calls (IAM, STS, DynamoDB, SNS, SQS, Organizations) the action prefix is the SDK's
   * service name in lower case and the action is the operation's name, except SQS's batch
   * operations, which IAM authorises as their single-message action ({@code SendMessageBatch} needs
   * {@code sqs:SendMessage}), and IAM Access Analyzer, whose SDK name {@code AccessAnalyzer} is the
   * action prefix {@code access-analyzer}.
   */
  static String action(String service, String operation) {
    String prefix = service.toLowerCase(Locale.ROOT);
    if (prefix.equals("accessanalyzer")) {
      prefix = "access-analyzer";
    }
    if (prefix.equals("sqs") && operation.endsWith("Batch")) {
      return prefix + ":" + operation.substring(0, operation.length() - "Batch".length());
    }
    return prefix + ":" + operation;
  }

  /** Every action recorded so far, in name order. */
  public SortedSet<String> actions() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(actions));
  }

  /** The recorded actions of one IAM service prefix, such as {@code iam} or {@code dynamodb}. */
  public SortedSet<String> actions(String prefix) {
    TreeSet<String> matching = new TreeSet<>();
    actions.stream().filter(a -> a.startsWith(prefix + ":")).forEach(matching::add);
    return Collections.unmodifiableSortedSet(matching);
  }

  /** Forgets what was recorded, to record one phase of a test. */
  public void reset() {
    actions.clear();
  }
}
