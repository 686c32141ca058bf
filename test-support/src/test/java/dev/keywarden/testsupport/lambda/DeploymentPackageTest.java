package dev.keywarden.testsupport.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentPackageTest {
  private static final Instant TIME = Instant.parse("2026-11-24T00:00:00Z");

  @TempDir Path dir;

  private Path shaded(String... names) throws IOException {
    Path jar = dir.resolve("fn-shaded.jar");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (String name : names) {
        out.putNextEntry(new ZipEntry(name));
        if (!name.endsWith("/")) {
          out.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void pack_whenGivenAShadedJar_writesOnlyItsLibraryJarUnderLib() throws IOException {
    Path deployment = dir.resolve("fn.jar");

    DeploymentPackage.pack(shaded("META-INF/MANIFEST.MF", "a/B.class"), deployment, TIME);

    try (ZipFile zip = new ZipFile(deployment.toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("lib/fn.jar");
      assertThat(zip.getEntry("lib/fn.jar").getMethod()).isEqualTo(ZipEntry.DEFLATED);
    }
  }

  @Test
  void entries_whenPacked_listsEveryEntryWithTheManifestFirst() throws IOException {
    Path deployment = dir.resolve("fn.jar");

    DeploymentPackage.pack(
        shaded("a/", "a/B.class", "META-INF/MANIFEST.MF", "log4j2.xml"), deployment, TIME);

    assertThat(DeploymentPackage.entries(deployment))
        .startsWith("META-INF/MANIFEST.MF")
        .containsExactlyInAnyOrder("META-INF/MANIFEST.MF", "a/", "a/B.class", "log4j2.xml");
  }

  @Test
  void read_whenPacked_returnsAnEntrysBytesUnchanged() throws IOException {
    Path deployment = dir.resolve("fn.jar");

    DeploymentPackage.pack(shaded("META-INF/MANIFEST.MF", "a/B.class"), deployment, TIME);

    assertThat(new String(DeploymentPackage.read(deployment, "a/B.class"), StandardCharsets.UTF_8))
        .isEqualTo("content of a/B.class");
  }

  @Test
  void pack_whenRunTwiceOnTheSameJar_writesTheSameBytes() throws IOException {
    Path shaded = shaded("META-INF/MANIFEST.MF", "a/B.class", "a/C.class");
    Path first = dir.resolve("one/fn.jar");
    Path second = dir.resolve("two/fn.jar");
    Files.createDirectories(first.getParent());
    Files.createDirectories(second.getParent());

    DeploymentPackage.pack(shaded, first, TIME);
    DeploymentPackage.pack(shaded, second, TIME);

    assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
  }

  @Test
  void orderKey_whenSortingAFolder_groupsClassesByTheLastWordOfTheirName() {
    List<String> names =
        List.of(
            "m/CreateUserRequest.class",
            "m/CreateUserResponse.class",
            "m/DeleteUserRequest.class",
            "m/DeleteUserResponse.class",
            "m/CreateUserRequest$Builder.class");

    List<String> sorted =
        names.stream()
            .map(ZipEntry::new)
            .sorted(java.util.Comparator.comparing(DeploymentPackage::orderKey))
            .map(ZipEntry::getName)
            .toList();

    assertThat(sorted)
        .containsExactly(
            "m/CreateUserRequest.class",
            "m/DeleteUserRequest.class",
            "m/CreateUserRequest$Builder.class",
            "m/CreateUserResponse.class",
            "m/DeleteUserResponse.class");
  }

  @Test
  void extract_whenPacked_putsTheLibraryJarUnderTheTaskRootsLib() throws IOException {
    Path deployment = dir.resolve("fn.jar");
    DeploymentPackage.pack(shaded("META-INF/MANIFEST.MF", "a/B.class"), deployment, TIME);
    Path taskRoot = dir.resolve("task");

    DeploymentPackage.extract(deployment, taskRoot);

    try (ZipFile lib = new ZipFile(taskRoot.resolve("lib/fn.jar").toFile())) {
      assertThat(lib.stream())
          .allSatisfy(e -> assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED));
    }
  }

  @Test
  void extract_whenAnEntryPointsOutsideTheTaskRoot_refusesIt() throws IOException {
    Path hostile = dir.resolve("hostile.jar");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(hostile))) {
      out.putNextEntry(new ZipEntry("../outside.txt"));
      out.closeEntry();
    }

    assertThatThrownBy(() -> DeploymentPackage.extract(hostile, dir.resolve("task")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside the task root");
    assertThat(dir.resolve("outside.txt")).doesNotExist();
  }

  @Test
  void entries_whenTheJarHasNoLibraryJar_failsSayingHowToBuildIt() throws IOException {
    Path flat = shaded("META-INF/MANIFEST.MF");

    assertThatThrownBy(() -> DeploymentPackage.entries(flat))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no lib/fn-shaded.jar");
  }
}
