package dev.keywarden.testsupport.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.testsupport.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The jar template.yaml deploys for a module's function: small enough, in the layout Lambda loads,
 * with the handler, JSON logging that works, the SDK services it calls and none that it does not,
 * and no heavy HTTP clients. Each function module's {@code ShadedJarIT} extends it and names its
 * handler and services.
 */
public abstract class DeploymentJarContract {
  private static final Path JAR = SamTemplate.ROOT.resolve(SamTemplate.deploymentJar());
  private List<String> entries;

  /**
   * The handler class as a jar entry, such as {@code
   * dev/keywarden/functions/auditor/AccountAuditorHandler.class}.
   */
  protected abstract String handlerEntry();

  /**
   * SDK services (package names under {@code software/amazon/awssdk/services/}) the function calls.
   */
  protected abstract List<String> servicesCalled();

  /** SDK services the function must not carry. */
  protected abstract List<String> servicesLeftOut();

  @BeforeEach
  void open() {
    entries = DeploymentPackage.entries(JAR);
  }

  @Test
  void jar_isUnderTheSizeLimit() throws IOException {
    assertThat(Files.size(JAR)).as("bytes of %s", JAR).isLessThan(DeploymentPackage.MAX_BYTES);
  }

  @Test
  void jar_holdsOnlyItsLibraryJarStoredUncompressedForOneCompressionStream() throws IOException {
    try (ZipFile deployment = new ZipFile(JAR.toFile())) {
      assertThat(deployment.stream().map(ZipEntry::getName))
          .containsExactly(DeploymentPackage.LIB + JAR.getFileName());
    }
    Path lib = Files.createTempFile("keywarden-lib-", ".jar");
    try {
      try (ZipFile deployment = new ZipFile(JAR.toFile())) {
        Files.copy(
            deployment.getInputStream(
                deployment.getEntry(DeploymentPackage.LIB + JAR.getFileName())),
            lib,
            StandardCopyOption.REPLACE_EXISTING);
      }
      try (ZipFile library = new ZipFile(lib.toFile())) {
        assertThat(library.stream())
            .allSatisfy(e -> assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED));
      }
    } finally {
      Files.delete(lib);
    }
  }

  @Test
  void jar_holdsTheHandlerAndLogsJsonLinesWithoutLog4jCore() {
    assertThat(entries).contains(handlerEntry(), "dev/keywarden/logging/JsonLinesProvider.class");
    assertThat(
            new String(
                DeploymentPackage.read(
                    JAR, "META-INF/services/org.apache.logging.log4j.spi.Provider"),
                StandardCharsets.UTF_8))
        .as("the Log4j API's one provider")
        .isEqualToIgnoringWhitespace("dev.keywarden.logging.JsonLinesProvider");
    assertThat(entries)
        .as(
            "Log4j's core, its configuration and its layouts stay out: about 780 classes a cold start would load")
        .noneMatch(
            e ->
                e.startsWith("org/apache/logging/log4j/core/")
                    || e.startsWith("org/apache/logging/log4j/layout/")
                    || e.startsWith("log4j2"))
        .contains("org/apache/logging/slf4j/Log4jLoggerFactory.class");
  }

  @Test
  void jar_holdsNoNettyOrApacheHttpClient() {
    assertThat(entries)
        .noneMatch(
            e ->
                e.startsWith("io/netty/")
                    || e.startsWith("org/apache/http/")
                    || e.startsWith("software/amazon/awssdk/http/apache")
                    || e.startsWith("software/amazon/awssdk/http/nio/netty"));
  }

  @Test
  void jar_holdsNoSdkServiceThisFunctionNeverCalls() {
    assertThat(servicesLeftOut())
        .isNotEmpty()
        .allSatisfy(
            service ->
                assertThat(entries)
                    .as(service)
                    .noneMatch(
                        e -> e.startsWith("software/amazon/awssdk/services/" + service + "/")));
  }

  @Test
  void jar_holdsTheSynchronousClientOfEachServiceItCalls() {
    assertThat(servicesCalled())
        .isNotEmpty()
        .allSatisfy(
            service ->
                assertThat(entries)
                    .as(service)
                    .anyMatch(
                        e ->
                            e.startsWith("software/amazon/awssdk/services/" + service + "/Default")
                                && e.endsWith("Client.class")));
  }

  @Test
  void jar_holdsNoWaiterAndNoDynamoDbStreamsClient() {
    assertThat(entries)
        .noneMatch(
            e ->
                e.matches("software/amazon/awssdk/services/[^/]+/waiters/.*")
                    || e.startsWith("software/amazon/awssdk/services/dynamodb/streams/"));
  }

  @Test
  void jar_holdsTheCracApiButNotTheRuntimeClient() {
    assertThat(entries)
        .contains("org/crac/Core.class")
        .noneMatch(e -> e.startsWith("com/amazonaws/services/lambda/runtime/api/client/"));
  }

  @Test
  void jar_holdsNoDemoEmulatorOrSeedingClass() {
    assertThat(entries)
        .as("demo, emulator and seeding classes are for the command and the tests")
        .noneMatch(
            e ->
                e.startsWith("dev/keywarden/demo/")
                    || e.startsWith("dev/keywarden/emulator/")
                    || e.startsWith("dev/keywarden/testsupport/")
                    || e.matches("(.*/)?(Demo|[^/]*Seeder)[^/]*\\.class"));
  }

  @Test
  void jar_holdsNoAsynchronousSdkClient() {
    assertThat(entries)
        .noneMatch(
            e -> e.matches("software/amazon/awssdk/services/[^/]+/[^/]*AsyncClient[^/]*\\.class"));
  }
}
