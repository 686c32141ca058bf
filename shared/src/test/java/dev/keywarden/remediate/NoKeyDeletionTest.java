package dev.keywarden.remediate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keywarden deactivates keys and never deletes them: no production source of any module may name
 * the delete call.
 */
class NoKeyDeletionTest {
  /** The IAM operation, spelled so that this file does not contain it. */
  private static final String FORBIDDEN = ("delete" + "accesskey").toLowerCase(Locale.ROOT);

  /**
   * Every file under {@code <module>/src/main} of the project (tests run in the module's
   * directory).
   */
  private static List<Path> mainSources() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    try (Stream<Path> modules = Files.list(root)) {
      return modules
          .map(module -> module.resolve("src/main"))
          .filter(Files::isDirectory)
          .flatMap(NoKeyDeletionTest::files)
          .toList();
    }
  }

  private static Stream<Path> files(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean mentionsDeletion(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
          .toLowerCase(Locale.ROOT)
          .contains(FORBIDDEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void mainSources_whenScanned_neverNameTheKeyDeletionCall() throws IOException {
    List<Path> sources = mainSources();

    assertThat(sources)
        .anyMatch(
            p ->
                p.endsWith(
                    Path.of("shared/src/main/java/dev/keywarden/aws/AccessKeyGateway.java")));
    assertThat(sources).filteredOn(NoKeyDeletionTest::mentionsDeletion).isEmpty();
  }
}
