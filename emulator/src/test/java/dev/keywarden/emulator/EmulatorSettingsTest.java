package dev.keywarden.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmulatorSettingsTest {

  @TempDir Path temp;

  /** No property or variable is set. */
  private static String none(String name) {
    return null;
  }

  private static UnaryOperator<String> of(String name, String value) {
    return Map.of(name, value)::get;
  }

  @Test
  void motoVersion_whenSystemPropertySet_usesIt() {
    assertThat(EmulatorSettings.motoVersion(of("keywarden.moto.version", "5.1.0")))
        .isEqualTo("5.1.0");
  }

  @Test
  void motoVersion_whenNoSystemProperty_usesTheVersionTheBuildPinned() {
    assertThat(EmulatorSettings.motoVersion(EmulatorSettingsTest::none))
        .matches("[0-9]+\\.[0-9]+\\.[0-9]+");
  }

  @ParameterizedTest
  @ValueSource(strings = {"latest", "5.2.5; rm -rf /", "../5.2.5", ">=5"})
  void motoVersion_whenNotAReleaseNumber_throwsNamingTheSetting(String version) {
    assertThatThrownBy(() -> EmulatorSettings.motoVersion(of("keywarden.moto.version", version)))
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining(version)
        .hasMessageContaining("system property keywarden.moto.version");
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "/from/property, /from/env, /from/property",
        "-,              /from/env, /from/env",
        "-,              -,         /home/me/.cache/keywarden/emulator",
        "'  ',           '',        /home/me/.cache/keywarden/emulator",
      })
  void installDir_whenSettingsGiven_prefersPropertyThenEnvironmentThenCache(
      String property, String env, String expected) {
    UnaryOperator<String> properties =
        property == null ? EmulatorSettingsTest::none : of("keywarden.emulator.dir", property);
    UnaryOperator<String> environment =
        env == null ? EmulatorSettingsTest::none : of("KEYWARDEN_EMULATOR_DIR", env);

    assertThat(EmulatorSettings.installDir(properties, environment, "/home/me"))
        .isEqualTo(Path.of(expected));
  }

  @Test
  void python_whenPropertyAndEnvironmentSet_usesProperty() throws IOException {
    Path fromProperty = executable("python-a");
    Path fromEnv = executable("python-b");

    assertThat(
            EmulatorSettings.python(
                of("keywarden.python", fromProperty.toString()),
                of("KEYWARDEN_PYTHON", fromEnv.toString()),
                null))
        .isEqualTo(fromProperty);
  }

  @Test
  void python_whenOnlyEnvironmentSet_usesIt() throws IOException {
    Path fromEnv = executable("python-b");

    assertThat(
            EmulatorSettings.python(
                EmulatorSettingsTest::none, of("KEYWARDEN_PYTHON", fromEnv.toString()), null))
        .isEqualTo(fromEnv);
  }

  @Test
  void python_whenNothingSet_findsPython3OnSearchPath() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path python3 = executable("bin/python3");
    String searchPath = temp.resolve("empty") + File.pathSeparator + bin;

    assertThat(
            EmulatorSettings.python(
                EmulatorSettingsTest::none, EmulatorSettingsTest::none, searchPath))
        .isEqualTo(python3);
  }

  @Test
  void python_whenNotOnSearchPath_throwsWithInstallCommand() {
    assertThatThrownBy(
            () ->
                EmulatorSettings.python(
                    EmulatorSettingsTest::none, EmulatorSettingsTest::none, temp.toString()))
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("python3 was not found on the PATH")
        .hasMessageContaining("apt-get install python3 python3-venv")
        .hasMessageContaining("KEYWARDEN_PYTHON");
  }

  @Test
  void python_whenConfiguredPathDoesNotExist_throwsNamingPathAndSetting() {
    String missing = temp.resolve("no-such-python").toString();

    assertThatThrownBy(
            () ->
                EmulatorSettings.python(
                    EmulatorSettingsTest::none, of("KEYWARDEN_PYTHON", missing), null))
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining(missing)
        .hasMessageContaining("environment variable KEYWARDEN_PYTHON")
        .hasMessageContaining("apt-get install python3 python3-venv");
  }

  private Path executable(String name) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
