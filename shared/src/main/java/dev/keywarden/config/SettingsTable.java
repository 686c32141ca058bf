package dev.keywarden.config;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The settings table of docs/configuration.md, written from the settings' own keys, defaults and
 * descriptions, so that the documentation cannot drift from what the loader accepts.
 */
public final class SettingsTable {
  private SettingsTable() {}

  /**
   * The table as Markdown: a header and one row per setting, in the loader's order, each line
   * ending in a newline.
   */
  public static String markdown() {
    return Stream.concat(
            Stream.of("| setting | default | meaning |", "|---|---|---|"),
            Stream.of(ConfigLoader.Setting.values())
                .map(
                    s ->
                        "| `"
                            + s.key
                            + "` | "
                            + s.documentedDefault
                            + " | "
                            + s.description
                            + " |"))
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
