package dev.keywarden.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromiumRequirementTest {
  @TempDir Path dir;

  @Test
  void decide_whenChromiumFound_runs() throws Exception {
    Path chromium = Files.createFile(dir.resolve("chromium"));
    chromium.toFile().setExecutable(true);

    assertThat(ChromiumRequirement.decide(chromium, Map.of("CI", "true")).run()).isTrue();
  }

  @Test
  void decide_whenMissingOnAFreshMachine_skipsWithOneLineNamingTheInstallCommand() {
    ChromiumRequirement decision = ChromiumRequirement.decide(dir.resolve("none"), Map.of());

    assertThat(decision.run()).isFalse();
    assertThat(decision.fail()).isFalse();
    assertThat(decision.message())
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .contains("'apt-get install chromium'")
                    .endsWith("the browser test is skipped")
                    .doesNotContain("\n"));
  }

  @Test
  void decide_whenMissingWhereCiIsSet_fails() {
    ChromiumRequirement decision =
        ChromiumRequirement.decide(dir.resolve("none"), Map.of("CI", "true"));

    assertThat(decision.fail()).isTrue();
    assertThat(decision.message())
        .hasValueSatisfying(m -> assertThat(m).endsWith("required because CI is set"));
  }

  @Test
  void decide_whenCiIsFalse_skips() {
    assertThat(ChromiumRequirement.decide(dir.resolve("none"), Map.of("CI", "false")).fail())
        .isFalse();
  }
}
