package dev.keywarden.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * {@code sam build} of the function this module deploys, where the SAM CLI is installed: SAM runs
 * the Makefile's target for it and packages the deployment jar's content. The module's own build
 * has just written that jar, so the Makefile's Maven step is replaced by {@code true} ({@code
 * MVN=true}) rather than run inside the running build. Each function module's {@code SamBuildIT}
 * extends it.
 */
public abstract class SamBuildContract {
  private static final SamTemplate TEMPLATE = SamTemplate.load("template.yaml");

  @Test
  void samBuild_ofThisFunction_packagesTheDeploymentJarsContent() throws Exception {
    Path sam = SamCli.require();
    String jar = SamTemplate.deploymentJar();
    String id =
        TEMPLATE.functions().entrySet().stream()
            .filter(e -> e.getValue().path("CodeUri").asText().equals(jar))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    Path buildDir = SamTemplate.MODULE.resolve("target/sam-build");

    SamCli.Result build =
        SamCli.run(
            sam,
            Map.of("MVN", "true"),
            Duration.ofMinutes(5),
            "build",
            id,
            "--template-file",
            "template.yaml",
            "--build-dir",
            buildDir.toString());

    assertThat(build.exitCode()).as("sam build %s:%n%s", id, build.output()).isZero();
    String name = Path.of(jar).getFileName().toString();
    Path packaged = buildDir.resolve(id).resolve("lib").resolve(name);
    try (ZipFile deployment = new ZipFile(SamTemplate.ROOT.resolve(jar).toFile())) {
      byte[] expected =
          deployment.getInputStream(deployment.getEntry("lib/" + name)).readAllBytes();
      assertThat(Files.readAllBytes(packaged))
          .as("%s in SAM's artifacts", packaged)
          .isEqualTo(expected);
    }
    JsonNode built =
        SamTemplate.load(SamTemplate.ROOT.relativize(buildDir.resolve("template.yaml")).toString())
            .functions()
            .get(id);
    assertThat(built.path("CodeUri").asText())
        .as("the built template deploys SAM's artifacts")
        .isEqualTo(id);
    assertThat(built.path("Handler").asText()).isEqualTo(SamTemplate.deployedHandler());
  }
}
