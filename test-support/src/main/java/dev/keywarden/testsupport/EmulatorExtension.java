package dev.keywarden.testsupport;

import dev.keywarden.emulator.AwsEndpoint;
import dev.keywarden.emulator.MotoServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests a running local AWS emulator with empty state: it starts the JVM-wide
 * {@link MotoServer#shared()} once, resets it (IAM enforcement off) before each test, and injects
 * its {@link AwsEndpoint} into test constructors, lifecycle methods and test methods.
 *
 * <p>Because every test starts from empty state, data a test needs is arranged in the test or in
 * {@code @BeforeEach}; anything created in {@code @BeforeAll} is gone by the time a test runs. The
 * emulator is shared, so classes using it must not run in parallel with each other.
 */
public final class EmulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    MotoServer.shared();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    MotoServer server = MotoServer.shared();
    // A test that turned IAM enforcement on and died before turning it off must not fail the next
    // one.
    server.enforceIam(false);
    server.reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AwsEndpoint.class;
  }

  @Override
  public AwsEndpoint resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // Constructors of per-class test instances are resolved before beforeAll: start here too.
    return MotoServer.shared().endpoint();
  }
}
