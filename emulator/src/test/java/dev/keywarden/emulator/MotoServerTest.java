package dev.keywarden.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Error paths of installing and starting, driven by small shell scripts standing in for the Python
 * interpreter (they fake a local program, not an AWS service).
 */
class MotoServerTest {
  private static final String VERSION = "5.2.5";

  @TempDir Path temp;

  private MotoServer.Builder server() {
    return MotoServer.builder().installDir(temp.resolve("emulator")).motoVersion(VERSION);
  }

  private Path venv() {
    return temp.resolve("emulator").resolve("moto-" + VERSION);
  }

  @Test
  void ensureInstalled_whenPythonDoesNotExist_throwsWithInstallCommand() {
    Path missing = temp.resolve("no-such-dir").resolve("python3");
    MotoServer server = server().python(missing).build();

    assertThatThrownBy(server::ensureInstalled)
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("apt-get install python3 python3-venv")
        .hasMessageContaining("KEYWARDEN_PYTHON");
  }

  @Test
  void ensureInstalled_whenVenvModuleMissing_throwsWithVenvPackageHint() throws IOException {
    Path python =
        script(
            "python3",
            """
        echo "The virtual environment was not created successfully because ensurepip is not"
        echo "available.  On Debian/Ubuntu systems, you need to install the python3-venv package"
        exit 1
        """);
    MotoServer server = server().python(python).build();

    assertThatThrownBy(server::ensureInstalled)
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("apt-get install python3-venv")
        .hasMessageContaining("ensurepip is not")
        .hasMessageContaining(python + " -m venv");
  }

  @Test
  void ensureInstalled_whenPipFails_throwsWithTailOfPipOutputAndLogPath() throws IOException {
    Path python =
        fakeVenvCreator(
            """
        i=1
        while [ $i -le 25 ]; do echo "pip output #$i#"; i=$((i+1)); done
        echo "ERROR: No matching distribution found for moto[server]==5.2.5"
        exit 1
        """);
    MotoServer server = server().python(python).build();

    assertThatThrownBy(server::ensureInstalled)
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("pip could not install moto[server]==5.2.5")
        .hasMessageContaining("ERROR: No matching distribution found")
        .hasMessageContaining("pip output #25#")
        .hasMessageNotContaining("pip output #6#")
        .hasMessageContaining(temp.resolve("emulator").resolve("moto-5.2.5-install.log").toString())
        .hasMessageContaining("PyPI");
  }

  @Test
  void ensureInstalled_whenPipFails_writesNoMarker() throws IOException {
    MotoServer server = server().python(fakeVenvCreator("exit 1\n")).build();

    assertThatThrownBy(server::ensureInstalled).isInstanceOf(EmulatorException.class);
    assertThat(venv().resolve(MotoInstallation.MARKER)).doesNotExist();
  }

  @Test
  void ensureInstalled_whenPipSucceeds_writesMarkerWithVersion() throws IOException {
    MotoServer server = server().python(fakeVenvCreator("exit 0\n")).build();

    server.ensureInstalled();

    assertThat(venv().resolve(MotoInstallation.MARKER))
        .content()
        .isEqualToIgnoringNewLines(VERSION);
  }

  @Test
  void ensureInstalled_whenMarkerMissing_wipesHalfDoneInstall() throws IOException {
    Path leftover = Files.createDirectories(venv().resolve("lib")).resolve("half-written.py");
    Files.writeString(leftover, "partial");
    MotoServer server = server().python(fakeVenvCreator("exit 0\n")).build();

    server.ensureInstalled();

    assertThat(leftover).doesNotExist();
  }

  @Test
  void ensureInstalled_whenMarkerMatches_runsNoPython() throws IOException {
    installFakeMoto("exit 0\n");
    // An interpreter that does not exist proves nothing was run.
    MotoServer server = server().python(temp.resolve("absent-python")).build();

    server.ensureInstalled();

    assertThat(venv().resolve(MotoInstallation.MARKER))
        .content()
        .isEqualToIgnoringNewLines(VERSION);
  }

  @Test
  void ensureInstalled_whenMarkerNamesOtherVersion_reinstalls() throws IOException {
    installFakeMoto("exit 0\n");
    Files.writeString(venv().resolve(MotoInstallation.MARKER), "5.0.0\n");
    MotoServer server = server().python(fakeVenvCreator("exit 0\n")).build();

    server.ensureInstalled();

    assertThat(venv().resolve(MotoInstallation.MARKER))
        .content()
        .isEqualToIgnoringNewLines(VERSION);
  }

  @Test
  void ensureInstalled_whenTwoJvmsRace_installsOnce() throws Exception {
    Path calls = temp.resolve("venv-calls.txt");
    // Slow enough that the second JVM arrives while the first is still installing.
    Path python = fakeVenvCreator("exit 0\n", "echo venv >> '" + calls + "'\nsleep 2\n");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<Process> installers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      installers.add(
          new ProcessBuilder(
                  java.toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  InstallerProcess.class.getName(),
                  temp.resolve("emulator").toString(),
                  python.toString(),
                  VERSION)
              .redirectErrorStream(true)
              .redirectOutput(temp.resolve("installer-" + i + ".log").toFile())
              .start());
    }

    for (Process installer : installers) {
      assertThat(installer.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(installer.exitValue()).isZero();
    }
    assertThat(Files.readAllLines(calls)).containsExactly("venv");
  }

  @Test
  void start_whenServerExitsEarly_throwsWithTailOfServerLog() throws IOException {
    installFakeMoto("echo 'ModuleNotFoundError: No module named moto'\nexit 1\n");
    MotoServer server = server().build();

    assertThatThrownBy(server::start)
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("exited with status 1")
        .hasMessageContaining("No module named moto");
  }

  @Test
  void start_whenEveryPortIsTaken_givesUpAfterFewAttempts() throws IOException {
    installFakeMoto("echo 'cannot listen'\nexit " + MotoServer.PORT_UNAVAILABLE + "\n");
    MotoServer server = server().build();

    assertThatThrownBy(server::start)
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("after 5 attempts")
        .hasMessageContaining("cannot listen");
  }

  @Test
  void start_whenServerNeverAnswers_throwsAfterTimeoutWithTailOfLog() throws IOException {
    installFakeMoto("echo 'still importing'\ncat > /dev/null\n");
    MotoServer server = server().startTimeout(Duration.ofMillis(500)).build();

    assertThatThrownBy(server::start)
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("did not answer")
        .hasMessageContaining("still importing");
  }

  @Test
  void start_whenServerNeverAnswers_leavesNoProcessRunning() throws IOException {
    installFakeMoto("cat > /dev/null\n");
    MotoServer server = server().startTimeout(Duration.ofMillis(500)).build();

    assertThatThrownBy(server::start).isInstanceOf(EmulatorException.class);
    assertThat(server.isRunning()).isFalse();
  }

  @Test
  void endpoint_whenNotStarted_throwsIllegalState() {
    MotoServer server = server().build();

    assertThatThrownBy(server::endpoint)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("call start() first");
  }

  @Test
  void build_whenVersionIsNotAReleaseNumber_throwsNamingTheValue() {
    MotoServer.Builder builder = MotoServer.builder().motoVersion("latest");

    assertThatThrownBy(builder::build)
        .isInstanceOf(EmulatorException.class)
        .hasMessageContaining("'latest'");
  }

  @Test
  void build_whenNoDirGiven_usesSystemPropertyDir() {
    assertThat(MotoServer.builder().build().installDir())
        .isEqualTo(Path.of(System.getProperty("keywarden.emulator.dir")).toAbsolutePath());
  }

  /** A fake interpreter whose {@code -m venv DIR} creates a venv python running {@code body}. */
  private Path fakeVenvCreator(String venvPythonBody) throws IOException {
    return fakeVenvCreator(venvPythonBody, "");
  }

  private Path fakeVenvCreator(String venvPythonBody, String before) throws IOException {
    return script(
        "python3",
        before
            + """
        mkdir -p "$3/bin"
        cat > "$3/bin/python" <<'EOF'
        #!/bin/sh
        %sEOF
        chmod +x "$3/bin/python"
        """
                .formatted(venvPythonBody));
  }

  /** A complete install whose venv python runs {@code body}, so start() launches the fake. */
  private void installFakeMoto(String body) throws IOException {
    Path bin = Files.createDirectories(venv().resolve("bin"));
    Files.move(script("venv-python", body), bin.resolve("python"));
    Files.writeString(venv().resolve(MotoInstallation.MARKER), VERSION + "\n");
  }

  private Path script(String name, String body) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
