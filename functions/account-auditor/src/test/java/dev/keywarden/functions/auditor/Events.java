package dev.keywarden.functions.auditor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.testsupport.SamTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample events in {@code events/}, as the raw payload a stream handler receives. */
final class Events {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  static Path path(String name) {
    return SamTemplate.ROOT.resolve("events").resolve(name);
  }

  static InputStream stream(String name) {
    try {
      return Files.newInputStream(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String name) {
    try {
      return JSON.readTree(path(name).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
