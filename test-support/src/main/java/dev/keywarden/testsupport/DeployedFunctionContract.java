package dev.keywarden.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code template.yaml} must say of the function a module builds: it is deployed from the jar
 * this module writes, with a handler class that exists and that the Lambda runtime can construct.
 * Each function module's {@code TemplateFunctionTest} extends it, so the three are held to the same
 * contract.
 */
public abstract class DeployedFunctionContract {
  private static final SamTemplate TEMPLATE = SamTemplate.load("template.yaml");

  private static String thisFunctionsId() {
    String jar = SamTemplate.deploymentJar();
    return TEMPLATE.functions().entrySet().stream()
        .filter(e -> e.getValue().path("CodeUri").asText().equals(jar))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("template.yaml deploys no function from " + jar));
  }

  private static JsonNode thisFunction() {
    String modulePrefix =
        SamTemplate.ROOT.relativize(SamTemplate.MODULE).toString().replace('\\', '/') + "/";
    Map<String, JsonNode> mine = new LinkedHashMap<>();
    TEMPLATE
        .functions()
        .forEach(
            (id, properties) -> {
              if (properties.path("CodeUri").asText().startsWith(modulePrefix)) {
                mine.put(id, properties);
              }
            });
    assertThat(mine).as("functions deployed from %s", modulePrefix).hasSize(1);
    return mine.values().iterator().next();
  }

  @Test
  void codeUri_isThisModulesDeploymentJar() {
    assertThat(thisFunction().path("CodeUri").asText()).isEqualTo(SamTemplate.deploymentJar());
  }

  @Test
  void handler_isAClassOfThisModuleImplementingALambdaHandler() throws Exception {
    String[] handler = thisFunction().path("Handler").asText().split("::", -1);
    Class<?> type = Class.forName(handler[0]);

    assertThat(
            RequestHandler.class.isAssignableFrom(type)
                || RequestStreamHandler.class.isAssignableFrom(type))
        .as("%s implements a Lambda handler interface", type)
        .isTrue();
    assertThat(type.getMethods()).extracting(Method::getName).contains(handler[1]);
    assertThat(type.getConstructor())
        .as("the public no-arg constructor the runtime uses")
        .isNotNull();
  }

  /** sam build runs the Makefile target named after the function, in the repository root. */
  @Test
  void metadata_letsSamBuildRunThisModulesMavenBuildThroughTheMakefile() throws Exception {
    String id = thisFunctionsId();
    JsonNode metadata = TEMPLATE.resource(id).path("Metadata");
    String module = SamTemplate.ROOT.relativize(SamTemplate.MODULE).toString().replace('\\', '/');

    assertThat(metadata.path("BuildMethod").asText()).isEqualTo("makefile");
    assertThat(metadata.path("ContextPath").asText()).as("the Makefile's folder").isEqualTo(".");
    assertThat(metadata.path("WorkingDirectory").asText()).as("where make runs").isEqualTo(".");
    assertThat(SamTemplate.ROOT.resolve(metadata.path("ProjectRootDirectory").asText()))
        .isDirectory();
    String makefile = Files.readString(SamTemplate.ROOT.resolve("Makefile"));
    String function = module.substring(module.lastIndexOf('/') + 1);
    assertThat(makefile)
        .as("the Makefile's target for %s", id)
        .containsPattern("(?m)^build-" + id + ":\\R\\t\\$\\(call function," + function + "\\)$");
  }

  @Test
  void everyFunction_isBuiltByAModuleThatWritesItsJar() throws Exception {
    for (Map.Entry<String, JsonNode> function : TEMPLATE.functions().entrySet()) {
      Path jar = Path.of(function.getValue().path("CodeUri").asText());
      Path module = SamTemplate.ROOT.resolve(jar.getParent().getParent());
      assertThat(module.resolve("pom.xml")).as("module of %s", function.getKey()).exists();
      String name = jar.getFileName().toString();
      assertThat(Files.readString(module.resolve("pom.xml")))
          .as("%s's pom writes %s", function.getKey(), name)
          .contains(
              "<function.name>"
                  + name.substring(0, name.length() - ".jar".length())
                  + "</function.name>");
    }
  }
}
