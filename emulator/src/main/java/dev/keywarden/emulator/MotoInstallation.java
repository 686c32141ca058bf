package dev.keywarden.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One pinned set of Python packages (moto's release, or another tool the build needs) in its own
 * virtualenv, installed at most once however many JVMs ask at the same time.
 */
final class MotoInstallation {
  static final String MARKER = ".keywarden-installed";
  static final String LOCK = ".install.lock";
  private static final Duration VENV_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration PIP_TIMEOUT = Duration.ofMinutes(20);
  private static final int TAIL_LINES = 20;

  /** FileChannel.lock is per process: threads of one JVM queue here first. */
  private static final Object JVM_LOCK = new Object();

  private final Path installDir;
  private final String name;
  private final List<String> requirements;
  private final String version;
  private final Supplier<Path> python;

  /** The emulator: {@code moto[server]} at {@code version}, in {@code moto-<version>}. */
  MotoInstallation(Path installDir, String version, Supplier<Path> python) {
    this(installDir, "moto-" + version, List.of("moto[server]==" + version), version, python);
  }

  /**
   * Other pinned packages in the virtualenv {@code name}; {@code version} is what the marker holds,
   * so a change of pins installs again.
   */
  MotoInstallation(
      Path installDir,
      String name,
      List<String> requirements,
      String version,
      Supplier<Path> python) {
    this.installDir = installDir;
    this.name = name;
    this.requirements = List.copyOf(requirements);
    this.version = version;
    this.python = python;
  }

  Path venvDir() {
    return installDir.resolve(name);
  }

  Path venvPython() {
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    return windows
        ? venvDir().resolve("Scripts").resolve("python.exe")
        : venvDir().resolve("bin").resolve("python");
  }

  Path marker() {
    return venvDir().resolve(MARKER);
  }

  Path installLog() {
    return installDir.resolve(name + "-install.log");
  }

  boolean isInstalled() {
    try {
      return Files.isExecutable(venvPython())
          && version.equals(Files.readString(marker(), StandardCharsets.UTF_8).trim());
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + marker(), e);
    }
  }

  /** Installs the packages unless a complete install of these pins is already there. */
  void ensureInstalled() {
    if (isInstalled()) {
      return;
    }
    Path interpreter = python.get();
    synchronized (JVM_LOCK) {
      try {
        Files.createDirectories(installDir);
        try (FileChannel channel =
                FileChannel.open(
                    installDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          // Another JVM may have finished the install while this one waited for the lock.
          if (!isInstalled()) {
            install(interpreter);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot install " + String.join(" ", requirements) + " into " + installDir, e);
      }
    }
  }

  private void install(Path interpreter) throws IOException {
    // No marker: whatever is there is a half-done install (an interrupted build); start over.
    deleteRecursively(venvDir());
    Files.deleteIfExists(installLog());
    Files.createFile(installLog());

    int venv =
        run(
            List.of(interpreter.toString(), "-m", "venv", venvDir().toString()),
            VENV_TIMEOUT,
            interpreter);
    if (venv != 0 || !Files.isExecutable(venvPython())) {
      throw new EmulatorException(
          "Could not create the virtualenv for "
              + String.join(" ", requirements)
              + " with '"
              + interpreter
              + " -m venv "
              + venvDir()
              + "' (exit status "
              + venv
              + "): Python's venv module or "
              + "ensurepip is missing. On Debian/Ubuntu run: apt-get install python3-venv "
              + "(or the python3.X-venv package that matches your Python). Output:"
              + System.lineSeparator()
              + LogTail.of(installLog(), TAIL_LINES)
              + System.lineSeparator()
              + "Full log: "
              + installLog());
    }

    String requirement = String.join(" ", requirements);
    List<String> pipInstall =
        new java.util.ArrayList<>(
            List.of(
                venvPython().toString(),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "-q"));
    pipInstall.addAll(requirements);
    int pip = run(pipInstall, PIP_TIMEOUT, interpreter);
    if (pip != 0) {
      throw new EmulatorException(
          "pip could not install "
              + requirement
              + " into "
              + venvDir()
              + " (exit status "
              + pip
              + "). Last lines of pip's output:"
              + System.lineSeparator()
              + LogTail.of(installLog(), TAIL_LINES)
              + System.lineSeparator()
              + "Full log: "
              + installLog()
              + System.lineSeparator()
              + "The first run downloads "
              + requirement
              + " and its dependencies from "
              + "PyPI: check that this machine reaches PyPI (or the index set in PIP_INDEX_URL), "
              + "then run again.");
    }

    // Written last and atomically: its presence means the install above completed.
    Path temp = Files.createTempFile(venvDir(), MARKER, ".tmp");
    Files.writeString(temp, version + System.lineSeparator(), StandardCharsets.UTF_8);
    Files.move(temp, marker(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Runs one install step with its output appended to the install log; returns the exit code. */
  private int run(List<String> command, Duration timeout, Path interpreter) throws IOException {
    Files.writeString(
        installLog(),
        "$ " + String.join(" ", command) + System.lineSeparator(),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(installLog().toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
    } catch (IOException e) {
      throw new EmulatorException(
          "Cannot run Python interpreter "
              + interpreter
              + " ("
              + e.getMessage()
              + "); the local AWS emulator (moto) needs Python 3: "
              + EmulatorSettings.PYTHON_INSTALL_HINT,
          e);
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new EmulatorException(
            "'"
                + String.join(" ", command)
                + "' did not finish within "
                + timeout.toMinutes()
                + " minutes. Last lines of its output:"
                + System.lineSeparator()
                + LogTail.of(installLog(), TAIL_LINES)
                + System.lineSeparator()
                + "Full log: "
                + installLog());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new EmulatorException("Interrupted while installing into " + venvDir(), e);
    }
  }

  private static java.io.File nullDevice() {
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    return new java.io.File(windows ? "NUL" : "/dev/null");
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
