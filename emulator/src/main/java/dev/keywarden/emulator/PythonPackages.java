package dev.keywarden.emulator;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Pinned Python packages from PyPI in a virtualenv of their own beside the emulator's: the same
 * folder ({@code keywarden.emulator.dir}), the same interpreter ({@code KEYWARDEN_PYTHON} or {@code
 * python3}), installed at most once however many JVMs ask. For tools the build checks Keywarden
 * against, such as the OCSF models its OCSF output is validated with.
 */
public final class PythonPackages {
  private static final Pattern PINNED =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(\\[[A-Za-z0-9,._-]+\\])?==[0-9][0-9A-Za-z.]*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final MotoInstallation installation;

  private PythonPackages(MotoInstallation installation) {
    this.installation = installation;
  }

  /**
   * The packages {@code requirements} (each pinned, {@code name==version}) in the virtualenv {@code
   * name}; nothing is installed until {@link #python()} is asked for.
   *
   * @throws IllegalArgumentException when a requirement is not pinned to one version, so that two
   *     builds never test against different releases
   */
  public static PythonPackages pinned(String name, String... requirements) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("virtualenv name '" + name + "' is not a plain name");
    }
    if (requirements.length == 0) {
      throw new IllegalArgumentException("no requirement given for the virtualenv " + name);
    }
    for (String requirement : requirements) {
      if (!PINNED.matcher(requirement).matches()) {
        throw new IllegalArgumentException(
            "requirement '" + requirement + "' is not pinned: write it as name==version");
      }
    }
    List<String> pins = List.of(requirements);
    Path dir =
        EmulatorSettings.installDir(
            System::getProperty, System::getenv, System.getProperty("user.home"));
    return new PythonPackages(
        new MotoInstallation(
            dir,
            name,
            pins,
            String.join(" ", pins),
            () ->
                EmulatorSettings.python(
                    System::getProperty, System::getenv, System.getenv("PATH"))));
  }

  /** The virtualenv's interpreter, installing the packages first when needed. */
  public Path python() {
    installation.ensureInstalled();
    return installation.venvPython();
  }

  /** The virtualenv's folder, where files generated from the packages may be kept. */
  public Path dir() {
    return installation.venvDir();
  }
}
