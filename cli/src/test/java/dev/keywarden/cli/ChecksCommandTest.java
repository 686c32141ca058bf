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
  void docsChecksMd_isWhatTheCatalogueGenerates() throws Exception {
    CliRun run = CliRun.of("checks", "--format", "markdown");

    assertThat(Files.readString(DOCS))
        .as("docs/checks.md is stale: regenerate it with ./keywarden checks --format markdown > docs/checks.md")
        .isEqualTo(run.out());
  }

  @Test
  void docsChecksMd_mentionsEveryCheckId() throws Exception {
    String checks = Files.readString(DOCS);

    assertThat(CheckCatalog.ids()).allSatisfy(id -> assertThat(checks).contains("[`" + id + "`](#" + id + ")"));
  }

  @Test
  void readme_linksToTheCheckList() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));

    assertThat(readme).contains("](docs/checks.md)");
  }
}
