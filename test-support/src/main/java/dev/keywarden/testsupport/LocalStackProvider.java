package dev.keywarden.testsupport;

import dev.keywarden.emulator.AwsEndpoint;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs tests against LocalStack in a Docker container, for those who have a Docker engine and want
 * a second emulator's opinion; where no engine answers, the tests are skipped with a reason instead
 * of failing, since the moto emulator ({@link EmulatorExtension}) covers them.
 *
 * <p>One container per JVM, started on first use and removed by Testcontainers when the JVM ends.
 * Unlike the moto emulator, its state is not reset between tests: give resources unique names. The
 * image is pinned ({@value #DEFAULT_IMAGE}) and can be changed with the system property {@value
 * #IMAGE_PROPERTY}; {@code LOCALSTACK_AUTH_TOKEN} is passed on when set, for images that need it.
 */
public final class LocalStackProvider implements ExecutionCondition, ParameterResolver {
  /** A LocalStack release that runs without an account. */
  public static final String DEFAULT_IMAGE = "localstack/localstack:4.9";

  public static final String IMAGE_PROPERTY = "keywarden.localstack.image";
  static final String NO_DOCKER_REASON =
      "No Docker engine answered: LocalStack tests skipped; the moto emulator covers them";
  private static final String AUTH_TOKEN_ENV = "LOCALSTACK_AUTH_TOKEN";

  private static Boolean dockerAvailable;
  private static LocalStackContainer container;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (dockerAvailable()) {
      return ConditionEvaluationResult.enabled("A Docker engine answered: LocalStack tests run");
    }
    // Build tools print skip reasons only in verbose runs; this line shows in quiet ones too.
    if (context.getTestMethod().isEmpty()) {
      System.err.println("[WARNING] " + context.getDisplayName() + " skipped: " + NO_DOCKER_REASON);
    }
    return ConditionEvaluationResult.disabled(NO_DOCKER_REASON);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AwsEndpoint.class;
  }

  @Override
  public AwsEndpoint resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return endpoint();
  }

  /** The JVM-wide LocalStack container's endpoint, starting the container on first use. */
  public static synchronized AwsEndpoint endpoint() {
    if (container == null || !container.isRunning()) {
      LocalStackContainer started =
          new LocalStackContainer(
              DockerImageName.parse(image()).asCompatibleSubstituteFor("localstack/localstack"));
      Optional.ofNullable(System.getenv(AUTH_TOKEN_ENV))
          .filter(token -> !token.isBlank())
          .ifPresent(token -> started.withEnv(AUTH_TOKEN_ENV, token));
      started.start();
      container = started;
    }
    return new AwsEndpoint(
        container.getEndpoint(),
        container.getRegion(),
        container.getAccessKey(),
        container.getSecretKey());
  }

  static String image() {
    String configured = System.getProperty(IMAGE_PROPERTY);
    return configured == null || configured.isBlank() ? DEFAULT_IMAGE : configured.trim();
  }

  private static synchronized boolean dockerAvailable() {
    if (dockerAvailable == null) {
      dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
    }
    return dockerAvailable;
  }
}
