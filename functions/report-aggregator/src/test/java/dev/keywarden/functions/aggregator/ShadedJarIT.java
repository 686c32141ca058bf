package dev.keywarden.functions.aggregator;

import dev.keywarden.testsupport.SamTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.testsupport.lambda.DeploymentPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jar template.yaml deploys: small enough, in the layout Lambda loads, with the handler, JSON logging that
 * works, and no heavy HTTP clients.
 */
class ShadedJarIT {
  private static final Path JAR = SamTemplate.ROOT.resolve(SamTemplate.deploymentJar());
  private static List<String> entries;
  private static String pluginCache;

  @BeforeAll
  static void open() {
    entries = DeploymentPackage.entries(JAR);
    pluginCache = new String(DeploymentPackage.read(JAR,
        "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat"), StandardCharsets.ISO_8859_1);
  }

  @Test
  void jar_isUnderTheSizeLimit() throws IOException {
    assertThat(Files.size(JAR)).as("bytes of %s", JAR).isLessThan(DeploymentPackage.MAX_BYTES);
  }

  @Test
  void jar_holdsOnlyItsLibraryJarStoredUncompressedForOneCompressionStream() throws IOException {
    try (ZipFile deployment = new ZipFile(JAR.toFile())) {
      assertThat(deployment.stream().map(ZipEntry::getName)).containsExactly(
          DeploymentPackage.LIB + JAR.getFileName());
    }
    Path lib = Files.createTempFile("keywarden-lib-", ".jar");
    try {
      try (ZipFile deployment = new ZipFile(JAR.toFile())) {
        Files.copy(deployment.getInputStream(deployment.getEntry(DeploymentPackage.LIB + JAR.getFileName())), lib,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      try (ZipFile library = new ZipFile(lib.toFile())) {
        assertThat(library.stream()).allSatisfy(e -> assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED));
      }
    } finally {
      Files.delete(lib);
    }
  }

  @Test
  void jar_holdsTheHandlerAndItsLoggingConfiguration() {
    assertThat(entries).contains(
        "dev/keywarden/functions/aggregator/ReportAggregatorHandler.class", "log4j2.xml", "KeywardenLambdaLayout.json");
  }

  @Test
  void pluginCache_mergesLog4jCoreWithTheJsonTemplateLayout() {
    assertThat(pluginCache.toLowerCase(java.util.Locale.ROOT))
        .as("core plugins and the JSON layout in one cache").contains("patternlayout").contains("jsontemplatelayout");
  }

  @Test
  void jar_holdsNoNettyOrApacheHttpClient() {
    assertThat(entries).noneMatch(e -> e.startsWith("io/netty/") || e.startsWith("org/apache/http/")
        || e.startsWith("software/amazon/awssdk/http/apache") || e.startsWith("software/amazon/awssdk/http/nio/netty"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"iam", "sqs"})
  void jar_holdsNoSdkServiceThisFunctionNeverCalls(String service) {
    assertThat(entries).noneMatch(e -> e.startsWith("software/amazon/awssdk/services/" + service + "/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dynamodb", "s3", "sns", "organizations", "sts"})
  void jar_holdsTheSynchronousClientOfEachServiceItCalls(String service) {
    assertThat(entries).anyMatch(e -> e.startsWith("software/amazon/awssdk/services/" + service + "/Default")
        && e.endsWith("Client.class"));
  }

  @Test
  void jar_holdsNoWaiterAndNoDynamoDbStreamsClient() {
    assertThat(entries).noneMatch(e -> e.matches("software/amazon/awssdk/services/[^/]+/waiters/.*")
        || e.startsWith("software/amazon/awssdk/services/dynamodb/streams/"));
  }

  @Test
  void jar_holdsNoAsynchronousSdkClient() {
    assertThat(entries).noneMatch(e -> e.matches("software/amazon/awssdk/services/[^/]+/[^/]*AsyncClient[^/]*\\.class"));
  }

  @Test
  void jar_holdsTheCracApiButNotTheRuntimeClient() {
    assertThat(entries).contains("org/crac/Core.class")
        .noneMatch(e -> e.startsWith("com/amazonaws/services/lambda/runtime/api/client/"));
  }
}
