package dev.keywarden.functions.aggregator;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.keywarden.testsupport.SamTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The sample events in {@code events/}, read with the Lambda runtime's own serialisation. */
final class Events {
  private Events() {}

  static <T> T load(String name, Class<T> type) {
    try (InputStream in = Files.newInputStream(SamTemplate.ROOT.resolve("events").resolve(name))) {
      return LambdaEventSerializers.serializerFor(type, Events.class.getClassLoader()).fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
