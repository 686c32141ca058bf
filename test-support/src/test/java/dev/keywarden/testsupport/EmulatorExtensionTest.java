package dev.keywarden.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.emulator.AwsEndpoint;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Optional;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmulatorExtensionTest {

  @SuppressWarnings("unused")
  static void target(AwsEndpoint endpoint, String text, Object anything) {}

  @ParameterizedTest
  @CsvSource({"0, true", "1, false", "2, false"})
  void supportsParameter_whenParameterTypeGiven_acceptsOnlyAwsEndpoint(int index, boolean supported)
      throws NoSuchMethodException {
    Method method =
        EmulatorExtensionTest.class.getDeclaredMethod(
            "target", AwsEndpoint.class, String.class, Object.class);

    assertThat(
            new EmulatorExtension()
                .supportsParameter(parameter(method.getParameters()[index], index), null))
        .isEqualTo(supported);
  }

  private static ParameterContext parameter(Parameter parameter, int index) {
    return new ParameterContext() {
      @Override
      public Parameter getParameter() {
        return parameter;
      }

      @Override
      public int getIndex() {
        return index;
      }

      @Override
      public Optional<Object> getTarget() {
        return Optional.empty();
      }
    };
  }
}
