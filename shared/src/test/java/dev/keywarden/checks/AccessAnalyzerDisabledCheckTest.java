package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.online;
import static dev.keywarden.checks.SurfaceFixture.surface;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.inventory.Reading;
import org.junit.jupiter.api.Test;

/** {@code access-analyzer-disabled}. */
class AccessAnalyzerDisabledCheckTest {
  @Test
  void evaluate_whenNoActiveAnalyzer_firesAndActiveIsQuiet() {
    AccessAnalyzerDisabledCheck check = new AccessAnalyzerDisabledCheck();

    assertThat(
            check
                .evaluate(online().surface(surface().accessAnalyzer(Reading.of(false))).context())
                .findings())
        .hasSize(1);
    assertThat(
            check
                .evaluate(online().surface(surface().accessAnalyzer(Reading.of(true))).context())
                .findings())
        .isEmpty();
  }

  @Test
  void evaluate_whenRefusedAsUnknown_isSkippedNeverPassed() {
    CheckOutcome outcome =
        new AccessAnalyzerDisabledCheck()
            .evaluate(
                online()
                    .surface(
                        surface()
                            .accessAnalyzer(
                                Reading.missing(
                                    "the endpoint refused access-analyzer:ListAnalyzers as unknown")))
                    .context());

    assertThat(outcome.skippedBecause())
        .hasValueSatisfying(r -> assertThat(r).contains("refused", "unknown"));
  }
}
