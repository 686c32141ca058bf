package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.CheckCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ChecksCommandTest {
  private static final Path DOCS = Path.of("..", "docs", "checks.md");

  @Test
  void checks_whenRun_listsEveryCatalogueId() {
    CliRun run = CliRun.of("checks");

    assertThat(run.exitCode()).isEqualTo(Main.OK);
    assertThat(CheckCatalog.ids()).allSatisfy(id -> assertThat(run.out()).contains(id));
  }

  @Test
  void checks_byFrameworkCisV5_listsControlsInOrderWithTheirChecks() {
    CliRun run = CliRun.of("checks", "--framework", "cis-v5");

    assertThat(run.exitCode()).isEqualTo(Main.OK);
    assertThat(run.out())
        .contains("CIS AWS Foundations v5.0.0")
        .containsPattern("(?m)^1\\.18 +server-cert-expired$")
        .containsPattern(
            "(?m)^1\\.15 +user-full-admin, role-full-admin, group-full-admin, policy-full-admin$");
    assertThat(run.out().indexOf("\n1.9 ")).isLessThan(run.out().indexOf("\n1.10 "));
  }

  @Test
  void checks_byFrameworkSecurityHubAndCisV3_useTheirOwnIds() {
    assertThat(CliRun.of("checks", "--framework", "security-hub").out())
        .containsPattern("(?m)^IAM\\.26 +server-cert-expired$");
    assertThat(CliRun.of("checks", "--framework", "cis-v3").out())
        .containsPattern("(?m)^1\\.19 +server-cert-expired$");
  }

  @Test
  void checks_whenFrameworkUnknown_failsNamingTheChoices() {
    CliRun run = CliRun.of("checks", "--framework", "nist");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("'nist' is not a framework", "cis-v5, cis-v3 or security-hub");
  }

  @Test
  void docsChecksMd_isWhatTheCatalogueGenerates() throws Exception {
    CliRun run = CliRun.of("checks", "--format", "markdown");

    assertThat(Files.readString(DOCS))
        .as(
            "docs/checks.md is stale: regenerate it with ./keywarden checks --format markdown > docs/checks.md")
        .isEqualTo(run.out());
  }

  @Test
  void docsChecksMd_mentionsEveryCheckId() throws Exception {
    String checks = Files.readString(DOCS);

    assertThat(CheckCatalog.ids())
        .allSatisfy(id -> assertThat(checks).contains("[`" + id + "`](#" + id + ")"));
  }

  @Test
  void readme_linksToTheCheckList() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));

    assertThat(readme).contains("](docs/checks.md)");
  }
}
