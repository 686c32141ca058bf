package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The README's two commands are the whole set-up: Maven comes from the wrapper, and CI runs the
 * same test command.
 */
class FreshMachineTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The commands of the README's first shell block, without comments. */
  private static List<String> readmeCommands() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("```sh\n") + "```sh\n".length();
    String block = readme.substring(start, readme.indexOf("```", start));
    return block
        .lines()
        .map(l -> l.replaceAll("#.*$", "").strip())
        .filter(l -> !l.isEmpty())
        .toList();
  }

  @Test
  void readme_hasExactlyTwoCommandsAndTheTestOneUsesTheWrapper() throws Exception {
    assertThat(readmeCommands()).containsExactly("./keywarden demo", "./mvnw -B verify");
  }

  @Test
  void wrapper_isCommittedAndPinsAMavenRelease() throws Exception {
    assertThat(ROOT.resolve("mvnw")).isExecutable();
    Properties wrapper = new Properties();
    try (var in = Files.newInputStream(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties"))) {
      wrapper.load(in);
    }
    assertThat(wrapper.getProperty("distributionUrl"))
        .matches(
            "https://repo\\.maven\\.apache\\.org/maven2/org/apache/maven/apache-maven/3\\.9\\.\\d+/apache-maven-3\\.9\\.\\d+-bin\\.zip");
  }

  @Test
  void ci_runsTheReadmesTestCommandAndStillInstallsChromium() throws Exception {
    List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run"));

    assertThat(ci).contains(readmeCommands().get(1));
    assertThat(String.join("\n", ci)).contains("need_apt+=(chromium)").doesNotContain("\nmvn ");
  }

  @Test
  void launcher_buildsWithTheWrapperNotAnInstalledMaven() throws Exception {
    assertThat(Files.readString(ROOT.resolve("keywarden")))
        .contains("\"$root/mvnw\"")
        .doesNotContain("command -v mvn");
  }
}
