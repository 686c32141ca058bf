package dev.keywarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing profile is a bad flag: one line naming it and the fix, exit 2, before any AWS call. */
class ProfileErrorTest {
  @AfterEach
  void restore() {
    System.clearProperty("aws.configFile");
    System.clearProperty("aws.sharedCredentialsFile");
  }

  @Test
  void audit_whenProfileIsNotInTheConfigFiles_exitsTwoWithOneLine(@TempDir Path dir)
      throws Exception {
    Path config = Files.writeString(dir.resolve("config"), "[profile audit]\nregion = eu-west-1\n");
    Path credentials = Files.writeString(dir.resolve("credentials"), "");
    System.setProperty("aws.configFile", config.toString());
    System.setProperty("aws.sharedCredentialsFile", credentials.toString());

    CliRun run = CliRun.of("audit", "--profile", "nosuch");

    assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err())
        .isEqualTo(
            "keywarden: --profile nosuch is not in ~/.aws/config or ~/.aws/credentials (profiles"
                + " there: audit); create it with 'aws configure sso --profile nosuch' or 'aws configure --profile nosuch'\n");
    assertThat(run.out()).isEmpty();
  }
}
