package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.emulator.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SAM templates pass cfn-lint, as installed beside the emulator. */
class TemplateLintIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @ParameterizedTest
  @ValueSource(strings = {"template.yaml", "member-role.yaml", "scp-protect-keywarden.yaml"})
  void template_passesCfnLint(String template) throws Exception {
    Path cfnLint = MotoServer.builder().build().tool("cfn-lint");
    assertThat(cfnLint).exists();

    Process lint =
        new ProcessBuilder(cfnLint.toString(), ROOT.resolve(template).toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(lint.exitValue()).as("cfn-lint %s:%n%s", template, output).isZero();
  }

  /** Informational checks too, such as I3011 (a stateful resource without a DeletionPolicy). */
  @Test
  void templateYaml_passesCfnLintsInformationalChecks() throws Exception {
    Path cfnLint = MotoServer.builder().build().tool("cfn-lint");

    Process lint =
        new ProcessBuilder(
                cfnLint.toString(),
                "--include-checks",
                "I",
                "--",
                ROOT.resolve("template.yaml").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(lint.exitValue())
        .as("cfn-lint --include-checks I template.yaml:%n%s", output)
        .isZero();
  }

  @Test
  void templateYaml_definesTheFindingsTableWithRecoveryAndTtl() throws Exception {
    String template = Files.readString(ROOT.resolve("template.yaml"));

    assertThat(template)
        .contains("PointInTimeRecoveryEnabled: true")
        .contains("DeletionProtectionEnabled: true")
        .contains("AttributeName: ttl")
        .contains("KmsMasterKeyId: alias/aws/sns");
  }
}
