package dev.keywarden.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.emulator.PythonPackages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The OCSF 1.5.0 Compliance Finding schema, generated from the OCSF models that the PyPI package
 * ocsf-emitter 0.3.0 publishes ({@code ComplianceFinding.model_json_schema()}, with pydantic pinned
 * too, so that every build validates against the same document): installed once into a virtualenv
 * beside the emulator's, the schema written there on first use. It implements the part of JSON
 * Schema the document uses: {@code $ref}, {@code anyOf}, {@code type}, {@code enum}, {@code const},
 * {@code required}, {@code properties} and {@code items}. The schema carries no profiles, so the
 * cloud profile's attributes are checked from {@code
 * src/test/resources/ocsf/1.5.0/cloud_profile.schema.json}, written down from the OCSF 1.5.0 cloud
 * profile.
 */
final class OcsfSchema {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JsonNode root;
  private final JsonNode cloud;

  private OcsfSchema(JsonNode root, JsonNode cloud) {
    this.root = root;
    this.cloud = cloud;
  }

  /** The pinned models; the schema is generated from them. */
  static final PythonPackages MODELS =
      PythonPackages.pinned("ocsf-emitter-0.3.0", "ocsf-emitter==0.3.0", "pydantic==2.14.4");

  private static final String COMMENT =
      "OCSF 1.5.0 Compliance Finding (class_uid 2003), as generated from ocsf-emitter 0.3.0 (PyPI,"
          + " MIT licence), ocsf_emitter._models.ComplianceFinding.model_json_schema(); profiles are"
          + " not part of it";

  private static final String GENERATE =
      "import json, sys\n"
          + "from ocsf_emitter._models import ComplianceFinding\n"
          + "schema = ComplianceFinding.model_json_schema()\n"
          + "schema['$comment'] = sys.argv[2]\n"
          + "with open(sys.argv[1], 'w', encoding='utf-8') as out:\n"
          + "    json.dump(schema, out, indent=1, sort_keys=True)\n";

  static OcsfSchema complianceFinding() {
    try (InputStream in = Files.newInputStream(generatedSchema())) {
      return new OcsfSchema(JSON.readTree(in), resource("/ocsf/1.5.0/cloud_profile.schema.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Compliance Finding schema file, generated from the pinned models unless an earlier run left
   * it (written to a temporary file and moved, so a half-written schema is never read).
   */
  static synchronized Path generatedSchema() {
    Path python = MODELS.python();
    Path schema = MODELS.dir().resolve("compliance_finding.schema.json");
    if (Files.isRegularFile(schema)) {
      return schema;
    }
    try {
      Path temp = Files.createTempFile(MODELS.dir(), "compliance_finding", ".tmp");
      Process process =
          new ProcessBuilder(python.toString(), "-c", GENERATE, temp.toString(), COMMENT)
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        Files.deleteIfExists(temp);
        throw new IllegalStateException(
            "generating the OCSF schema with " + python + " failed: " + output);
      }
      Files.move(temp, schema, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while generating the OCSF schema", e);
    }
  }

  private static JsonNode resource(String path) {
    try (InputStream in = OcsfSchema.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode root() {
    return root;
  }

  /** What is wrong with one object, one line per problem, each naming where; empty when valid. */
  List<String> problems(JsonNode object) {
    List<String> problems = new ArrayList<>();
    check(root, root, object, "$", problems);
    check(cloud, cloud, object, "$", problems);
    return problems;
  }

  private void check(
      JsonNode document, JsonNode schema, JsonNode value, String at, List<String> problems) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith("#/$defs/")) {
        problems.add(at + ": unsupported $ref " + ref);
        return;
      }
      check(
          document,
          document.path("$defs").path(ref.substring("#/$defs/".length())),
          value,
          at,
          problems);
      return;
    }
    if (schema.has("anyOf")) {
      List<String> best = null;
      for (JsonNode option : schema.get("anyOf")) {
        List<String> attempt = new ArrayList<>();
        check(document, option, value, at, attempt);
        if (attempt.isEmpty()) {
          return;
        }
        best = best == null || attempt.size() < best.size() ? attempt : best;
      }
      problems.add(at + ": matches none of anyOf (" + String.join("; ", best) + ")");
      return;
    }
    if (schema.has("type") && !typeMatches(schema.get("type").asText(), value)) {
      problems.add(
          at + ": expected " + schema.get("type").asText() + ", found " + value.getNodeType());
      return;
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      problems.add(at + ": must be " + schema.get("const") + ", is " + value);
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode allowed : schema.get("enum")) {
        found |=
            allowed.equals(value)
                || allowed.isNumber() && value.isNumber() && allowed.asLong() == value.asLong();
      }
      if (!found) {
        problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
    if (value.isObject()) {
      for (JsonNode name : schema.path("required")) {
        if (!value.has(name.asText())) {
          problems.add(at + ": required attribute " + name.asText() + " is missing");
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        if (value.has(property.getKey())) {
          check(
              document,
              property.getValue(),
              value.get(property.getKey()),
              at + "." + property.getKey(),
              problems);
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(document, schema.get("items"), value.get(i), at + "[" + i + "]", problems);
      }
    }
  }

  private static boolean typeMatches(String type, JsonNode value) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> false;
    };
  }
}
