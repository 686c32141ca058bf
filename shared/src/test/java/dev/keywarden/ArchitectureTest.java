package dev.keywarden;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, checked on the compiled core: only {@code aws} touches
 * the SDK, nothing else depends on {@code aws}, and the packages form no cycle.
 */
class ArchitectureTest {
  /**
   * This module's own classes, not the emulator's or test-support's, which share the package
   * prefix.
   */
  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(Path.of("target", "classes"));

  @Test
  void sdk_isImportedOnlyInTheAwsPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.keywarden.aws..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk..")
        .because(
            "only dev.keywarden.aws talks to AWS; everything else works on the project's own types")
        .check(CORE);
  }

  @Test
  void checksInventoryNotifyAndReport_doNotDependOnAws() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.keywarden.checks..",
            "dev.keywarden.inventory..",
            "dev.keywarden.notify..",
            "dev.keywarden.report..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.keywarden.aws..")
        .because("they are pure: tested without the emulator")
        .check(CORE);
  }

  @Test
  void noPackageButAws_dependsOnAws() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.keywarden.aws..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.keywarden.aws..")
        .because(
            "aws implements the ports of the other packages; they reach it only through those ports")
        .check(CORE);
  }

  @Test
  void packagesOfShared_areFreeOfCycles() {
    slices().matching("dev.keywarden.(*)..").should().beFreeOfCycles().check(CORE);
  }
}
