package dev.keywarden.emulator;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Resolves the emulator's settings from system properties, the environment and the build. */
final class EmulatorSettings {
  static final String VERSION_PROPERTY = "keywarden.moto.version";
  static final String DIR_PROPERTY = "keywarden.emulator.dir";
  static final String DIR_ENV = "KEYWARDEN_EMULATOR_DIR";
  static final String PYTHON_PROPERTY = "keywarden.python";
  static final String PYTHON_ENV = "KEYWARDEN_PYTHON";
  static final String BUILD_PROPERTIES = "keywarden-emulator.properties";

  static final String PYTHON_INSTALL_HINT =
      "install it (Debian/Ubuntu: apt-get install python3 python3-venv) or set "
          + PYTHON_ENV
          + " (or -D"
          + PYTHON_PROPERTY
          + ") to a Python 3 interpreter";

  private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9A-Za-z]+)*");

  private EmulatorSettings() {}

  /** The moto release to install: the system property if set, else the one the build pinned. */
  static String motoVersion(UnaryOperator<String> systemProperties) {
    String configured = systemProperties.apply(VERSION_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return checkVersion(configured.trim(), "system property " + VERSION_PROPERTY);
    }
    return checkVersion(pinnedVersion(), "classpath resource " + BUILD_PROPERTIES);
  }

  static String checkVersion(String version, String origin) {
    if (!VERSION.matcher(version).matches()) {
      throw new EmulatorException(
          "moto version '"
              + version
              + "' (from "
              + origin
              + ") is not a release number: set it to one such as 5.2.5");
    }
    return version;
  }

  private static String pinnedVersion() {
    Properties properties = new Properties();
    try (InputStream in = EmulatorSettings.class.getResourceAsStream("/" + BUILD_PROPERTIES)) {
      if (in == null) {
        throw new EmulatorException(
            BUILD_PROPERTIES
                + " is missing from the classpath: rebuild "
                + "the emulator module, or set -D"
                + VERSION_PROPERTY
                + "=<moto version>");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + BUILD_PROPERTIES, e);
    }
    return properties.getProperty("moto.version", "").trim();
  }

  /** Where virtualenvs live: system property, then environment variable, then the user cache. */
  static Path installDir(
      UnaryOperator<String> systemProperties, UnaryOperator<String> environment, String userHome) {
    String configured = systemProperties.apply(DIR_PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = environment.apply(DIR_ENV);
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured.trim()).toAbsolutePath().normalize();
    }
    return Path.of(userHome, ".cache", "keywarden", "emulator").toAbsolutePath().normalize();
  }

  /**
   * The interpreter that creates the virtualenv: system property, then environment variable, then
   * {@code python3} on the search path.
   */
  static Path python(
      UnaryOperator<String> systemProperties,
      UnaryOperator<String> environment,
      String searchPath) {
    String configured = systemProperties.apply(PYTHON_PROPERTY);
    String origin = "system property " + PYTHON_PROPERTY;
    if (configured == null || configured.isBlank()) {
      configured = environment.apply(PYTHON_ENV);
      origin = "environment variable " + PYTHON_ENV;
    }
    if (configured != null && !configured.isBlank()) {
      return checkPython(Path.of(configured.trim()), origin);
    }
    if (searchPath != null) {
      for (String dir : searchPath.split(Pattern.quote(File.pathSeparator), -1)) {
        if (dir.isBlank()) {
          continue;
        }
        Path candidate = Path.of(dir, "python3");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new EmulatorException(
        "python3 was not found on the PATH; the local AWS emulator (moto) needs it: "
            + PYTHON_INSTALL_HINT);
  }

  /** Fails with the install hint unless {@code python} is an executable file. */
  static Path checkPython(Path python, String origin) {
    if (!Files.isRegularFile(python) || !Files.isExecutable(python)) {
      throw new EmulatorException(
          "Python interpreter "
              + python
              + " (from "
              + origin
              + ") does not exist or is not executable; the local AWS emulator (moto) needs Python 3: "
              + PYTHON_INSTALL_HINT);
    }
    return python;
  }
}
