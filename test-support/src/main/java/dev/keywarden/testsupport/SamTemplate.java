package dev.keywarden.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For the function modules' tests. A CloudFormation template read as plain data: short-form tags
 * ({@code !Ref X}, {@code !GetAtt X.Arn}, {@code !Sub ...}) become their argument, and {@code !If
 * [c, a, b]} a list of the three.
 */
public final class SamTemplate {
  /** The repository root, from a module under {@code functions/}. */
  public static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  /** This module's directory. */
  public static final Path MODULE = Path.of("").toAbsolutePath().normalize();

  private final JsonNode root;

  private SamTemplate(JsonNode root) {
    this.root = root;
  }

  public static SamTemplate load(String file) {
    try {
      return new SamTemplate(
          new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve(file).toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The properties of every {@code AWS::Serverless::Function}, by logical id. */
  public Map<String, JsonNode> functions() {
    Map<String, JsonNode> functions = new LinkedHashMap<>();
    root.path("Resources")
        .fields()
        .forEachRemaining(
            e -> {
              if ("AWS::Serverless::Function".equals(e.getValue().path("Type").asText())) {
                functions.put(e.getKey(), e.getValue().path("Properties"));
              }
            });
    return functions;
  }

  /** Every resource, whole (Type, Properties, policies), by logical id. */
  public Map<String, JsonNode> resources() {
    Map<String, JsonNode> resources = new LinkedHashMap<>();
    root.path("Resources").fields().forEachRemaining(e -> resources.put(e.getKey(), e.getValue()));
    return resources;
  }

  public JsonNode resource(String logicalId) {
    return root.path("Resources").path(logicalId);
  }

  public JsonNode parameter(String name) {
    return root.path("Parameters").path(name);
  }

  public JsonNode output(String name) {
    return root.path("Outputs").path(name);
  }

  /** The Allow statements of a role's inline policies, both branches of an {@code !If} included. */
  public List<JsonNode> allowStatements(String roleLogicalId) {
    List<JsonNode> statements = new ArrayList<>();
    for (JsonNode policy : resource(roleLogicalId).path("Properties").path("Policies")) {
      for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
        if (statement.isArray()) {
          statement.forEach(
              branch -> {
                if (branch.isObject()) {
                  statements.add(branch);
                }
              });
        } else {
          statements.add(statement);
        }
      }
    }
    return statements.stream().filter(s -> "Allow".equals(s.path("Effect").asText())).toList();
  }

  /** Every action pattern a role's inline policies allow ({@code iam:Get*} stays a pattern). */
  public List<String> allowedActions(String roleLogicalId) {
    List<String> actions = new ArrayList<>();
    for (JsonNode statement : allowStatements(roleLogicalId)) {
      JsonNode action = statement.path("Action");
      if (action.isArray()) {
        action.forEach(a -> actions.add(a.asText()));
      } else {
        actions.add(action.asText());
      }
    }
    return actions;
  }

  /**
   * Whether one of the role's action patterns matches the action, case-insensitively as IAM does.
   */
  public boolean allows(String roleLogicalId, String action) {
    return allowedActions(roleLogicalId).stream().anyMatch(pattern -> matches(pattern, action));
  }

  public static boolean matches(String pattern, String action) {
    String regex = ("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(action).matches();
  }

  /**
   * The deployment jar this module's build writes ({@code target/<function.name>.jar}, see {@link
   * dev.keywarden.testsupport.lambda.DeploymentPackage}), as a path from the repository root.
   */
  public static String deploymentJar() {
    try {
      String pom = Files.readString(MODULE.resolve("pom.xml"));
      Matcher m = Pattern.compile("<function\\.name>([^<]+)</function\\.name>").matcher(pom);
      if (!m.find()) {
        throw new IllegalStateException(
            "no <function.name> property in " + MODULE.resolve("pom.xml"));
      }
      return ROOT.relativize(MODULE)
          .resolve("target")
          .resolve(m.group(1) + ".jar")
          .toString()
          .replace('\\', '/');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The handler template.yaml names for the function deployed from this module's jar. */
  public static String deployedHandler() {
    return load("template.yaml").functions().values().stream()
        .filter(f -> f.path("CodeUri").asText().equals(deploymentJar()))
        .map(f -> f.path("Handler").asText())
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "template.yaml deploys no function from " + deploymentJar()));
  }
}
