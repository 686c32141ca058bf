package dev.keywarden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SettingsTableTest {
  private static final Path DOCS = Path.of("..", "docs", "configuration.md");
  private static final String HEADER = "| setting | default | meaning |\n";

  @Test
  void configurationMd_holdsTheTableTheSettingsDescribe() throws IOException {
    String doc = Files.readString(DOCS, StandardCharsets.UTF_8);
    int start = doc.indexOf(HEADER);
    assertThat(start).as("docs/configuration.md has a settings table").isNotNegative();
    int end = doc.indexOf("\n\n", start);
    String table = doc.substring(start, end + 1);

    assertThat(table)
        .as(
            "docs/configuration.md's settings table is stale: it is written from ConfigLoader.Setting's keys,"
                + " defaults and descriptions; replace it with SettingsTable.markdown(), the expected value below")
        .isEqualTo(SettingsTable.markdown());
  }

  @ParameterizedTest
  @EnumSource(ConfigLoader.Setting.class)
  void eachSetting_hasADocumentedDefaultAndDescription(ConfigLoader.Setting setting) {
    assertThat(setting.documentedDefault).as("default of %s", setting.key).isNotBlank();
    assertThat(setting.description)
        .as("description of %s", setting.key)
        .isNotBlank()
        .doesNotContain("|", "\n");
  }

  @Test
  void markdown_hasAHeaderAndOneRowPerSetting() {
    assertThat(SettingsTable.markdown().lines())
        .hasSize(2 + ConfigLoader.Setting.values().length)
        .element(2)
        .isEqualTo("| `max-key-age-days` | 90 | a key's deadline is its last rotation plus this |");
  }
}
