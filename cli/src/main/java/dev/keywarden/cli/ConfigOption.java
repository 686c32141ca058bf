package dev.keywarden.cli;

import dev.keywarden.config.ConfigLoader;
import dev.keywarden.config.Settings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}: the settings file; {@code KEYWARDEN_*} environment variables override it.
 */
final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Settings file (name = value lines); KEYWARDEN_* environment variables override it.")
  Path config;

  Settings settings() {
    return ConfigLoader.loadSettings(Optional.ofNullable(config));
  }
}
