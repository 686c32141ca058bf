package dev.keywarden.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The recipe of docs/contributing.md, step by step: a check that misses a step (not in the
 * catalogue, no unit test class, no entry in docs/checks.md, no rule or remediation text) fails
 * here, naming the step.
 */
class CheckRecipeTest {
  private static final Path DOCS = Path.of("..", "docs");

  static List<Check> checks() {
    return CheckCatalog.all();
  }

  @Test
  void everyCheckClass_isInTheCatalogue() throws IOException, URISyntaxException {
    Path classes =
        Path.of(Check.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve(Check.class.getPackageName().replace('.', '/'));
    List<String> inCatalogue =
        CheckCatalog.all().stream().map(c -> c.getClass().getName()).toList();
    try (Stream<Path> files = Files.list(classes)) {
      List<String> checkClasses =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".class") && !n.contains("$"))
              .map(
                  n ->
                      Check.class.getPackageName()
                          + "."
                          + n.substring(0, n.length() - ".class".length()))
              .filter(CheckRecipeTest::isConcreteCheck)
              .toList();
      assertThat(checkClasses)
          .as("step 2 of docs/contributing.md: add the check to CheckCatalog")
          .isNotEmpty()
          .allSatisfy(name -> assertThat(inCatalogue).as(name).contains(name));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void eachCheck_hasItsUnitTestClass(Check check) {
    String testClass = check.getClass().getName() + "Test";
    assertThat(exists(testClass))
        .as("step 3 of docs/contributing.md: write %s", testClass)
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void eachCheck_isDocumentedInChecksMd(Check check) throws IOException {
    String checksMd = Files.readString(DOCS.resolve("checks.md"), StandardCharsets.UTF_8);
    String id = check.metadata().id();
    assertThat(checksMd)
        .as("step 4 of docs/contributing.md: regenerate docs/checks.md for %s", id)
        .contains("\n## " + id + "\n")
        .contains("[`" + id + "`](#" + id + ")");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void eachCheck_statesItsRuleAndRemediation(Check check) {
    CheckMetadata metadata = check.metadata();
    assertThat(metadata.rule()).as("step 1: the rule of %s", metadata.id()).isNotBlank();
    assertThat(metadata.remediation())
        .as("step 1: the remediation of %s", metadata.id())
        .isNotBlank();
  }

  @Test
  void contributingGuide_namesEveryStepThisTestChecks() throws IOException {
    String guide = Files.readString(DOCS.resolve("contributing.md"), StandardCharsets.UTF_8);
    assertThat(guide)
        .contains(
            "CheckCatalog",
            "CheckMetadata",
            "CheckTrait",
            "Test.java",
            "keywarden checks --format markdown > docs/checks.md",
            "CheckRecipeTest");
  }

  private static boolean isConcreteCheck(String className) {
    try {
      Class<?> type = Class.forName(className, false, Check.class.getClassLoader());
      return Check.class.isAssignableFrom(type)
          && !type.isInterface()
          && !Modifier.isAbstract(type.getModifiers());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(className, e);
    }
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className, false, CheckRecipeTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
