package dev.keywarden.functions.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.testsupport.SamBuildContract;
import dev.keywarden.testsupport.SamCli;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * sam build of this function, through the Makefile, and sam validate --lint, where the SAM CLI is
 * installed.
 */
class SamBuildIT extends SamBuildContract {
  @Test
  void samValidateLint_acceptsTheTemplate() throws Exception {
    SamCli.Result validate =
        SamCli.run(
            SamCli.require(),
            Map.of(),
            Duration.ofMinutes(3),
            "validate",
            "--lint",
            "--template-file",
            "template.yaml");

    assertThat(validate.exitCode()).as("sam validate --lint:%n%s", validate.output()).isZero();
    assertThat(validate.output()).contains("is a valid SAM Template");
  }
}
