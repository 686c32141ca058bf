package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.Reading;
import org.junit.jupiter.api.Test;

/** {@code root-access-not-centralized}. */
class RootAccessNotCentralizedCheckTest {
  @Test
  void evaluate_whenFeatureOff_firesOnWhenOnQuietAndSkippedWhenUnknown() {
    RootAccessNotCentralizedCheck check = new RootAccessNotCentralizedCheck();

    assertThat(
            check
                .evaluate(
                    online()
                        .surface(surface().rootCredentialsManagement(Reading.of(false)))
                        .context())
                .findings())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("RootCredentialsManagement is off"));
    assertThat(check.evaluate(online().surface(surface()).context()).findings()).isEmpty();
    assertThat(
            check
                .evaluate(
                    online()
                        .surface(
                            surface()
                                .rootCredentialsManagement(
                                    Reading.missing("only the management account")))
                        .context())
                .skippedBecause())
        .contains("only the management account");
  }
}
