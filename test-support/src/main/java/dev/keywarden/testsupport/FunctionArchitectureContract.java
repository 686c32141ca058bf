package dev.keywarden.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What a function module's classes may depend on: handlers are thin, so they reach the core only
 * through its public service entry points (the audit services, the {@code aws} wiring,
 * configuration and report files), never the checks, inventory, notices or remediation behind them;
 * and only the handler, which wires the clients, may touch the SDK. Each function module's {@code
 * ArchitectureTest} extends it.
 */
public abstract class FunctionArchitectureContract {
  private static final String FUNCTIONS = "dev.keywarden.functions..";
  private final JavaClasses functions =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(Path.of("target", "classes"));

  @Test
  void functions_doNotReachBehindTheServiceEntryPoints() {
    noClasses()
        .that()
        .resideInAPackage(FUNCTIONS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.keywarden.checks..",
            "dev.keywarden.inventory..",
            "dev.keywarden.notify..",
            "dev.keywarden.remediate..")
        .because("a handler parses the event, calls one service method and shapes the response")
        .check(functions);
  }

  @Test
  void functions_accessOnlyPublicMembersOfPublicCoreClasses() {
    classes()
        .that()
        .resideInAPackage(FUNCTIONS)
        .should()
        .onlyAccessMembersThat(publicInCoreOrOutsideIt())
        .check(functions);
  }

  @Test
  void onlyTheHandler_touchesTheSdk() {
    noClasses()
        .that()
        .resideInAPackage(FUNCTIONS)
        .and()
        .haveSimpleNameNotEndingWith("Handler")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("software.amazon.awssdk..")
        .because(
            "the handler is the function's wiring; the rest of it works on the project's own types")
        .allowEmptyShould(true)
        .check(functions);
  }

  private static DescribedPredicate<JavaMember> publicInCoreOrOutsideIt() {
    return DescribedPredicate.describe(
        "are public members of public core classes, or outside the core",
        target -> {
          String pkg = target.getOwner().getPackageName();
          if (!pkg.startsWith("dev.keywarden") || pkg.startsWith("dev.keywarden.functions")) {
            return true;
          }
          return target.getOwner().getModifiers().contains(JavaModifier.PUBLIC)
              && target.getModifiers().contains(JavaModifier.PUBLIC);
        });
  }
}
