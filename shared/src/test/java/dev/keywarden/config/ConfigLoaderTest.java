package dev.keywarden.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path path = dir.resolve("keywarden.properties");
    Files.writeString(path, text);
    return path;
  }

  @Test
  void load_whenSshKeyMaxUsersSet_readsItAndDefaultsToOff() {
    assertThat(AuditPolicy.defaults().sshKeyMaxUsers()).isZero();
    assertThat(
            ConfigLoader.load(Optional.empty(), Map.of("KEYWARDEN_SSH_KEY_MAX_USERS", "500"))
                .sshKeyMaxUsers())
        .isEqualTo(500);
  }

  @Test
  void load_whenNothingIsSet_returnsTheDocumentedDefaults() {
    AuditPolicy policy = ConfigLoader.load(Optional.empty(), Map.of());

    assertThat(policy).isEqualTo(AuditPolicy.defaults());
    assertThat(policy.maxKeyAgeDays()).isEqualTo(90);
    assertThat(policy.noticeWindowDays()).isEqualTo(14);
    assertThat(policy.unusedDays()).isEqualTo(45);
    assertThat(policy.rootWindowDays()).isEqualTo(30);
  }

  @Test
  void load_whenFileSetsValues_appliesThemWithCommentsAndBlankLinesIgnored() throws IOException {
    Path path =
        file(
            "# thresholds\n\nmax-key-age-days = 60\nnotice-window-days=10\nowner-tag-keys = team-email, owner\n"
                + "credential-report-wait-seconds = 30\n");

    AuditPolicy policy = ConfigLoader.load(Optional.of(path), Map.of());

    assertThat(policy.maxKeyAgeDays()).isEqualTo(60);
    assertThat(policy.noticeWindowDays()).isEqualTo(10);
    assertThat(policy.ownerTagKeys()).containsExactly("team-email", "owner");
    assertThat(policy.credentialReportWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.unusedDays()).isEqualTo(45);
  }

  @Test
  void load_whenEnvironmentAndFileBothSetAValue_environmentWins() throws IOException {
    Path path = file("unused-days = 60\n");

    AuditPolicy policy =
        ConfigLoader.load(Optional.of(path), Map.of("KEYWARDEN_UNUSED_DAYS", "30"));

    assertThat(policy.unusedDays()).isEqualTo(30);
  }

  @Test
  void load_whenSettingIsUnknown_namesTheFileLineAndKnownSettings() throws IOException {
    Path path = file("max-key-age-days = 60\nmax-key-ag = 30\n");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(path), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("unknown setting 'max-key-ag'")
        .hasMessageContaining("max-key-age-days");
  }

  @Test
  void load_whenLineHasNoEquals_saysWhatWasExpected() throws IOException {
    Path path = file("max-key-age-days 60\n");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(path), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 1: expected 'name = value'");
  }

  @Test
  void load_whenSettingIsRepeated_rejectsTheSecond() throws IOException {
    Path path = file("unused-days = 60\nunused-days = 30\n");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(path), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("set twice");
  }

  @ParameterizedTest
  @CsvSource({
    "KEYWARDEN_MAX_KEY_AGE_DAYS, 0, must be between 1 and 3650, got 0",
    "KEYWARDEN_MAX_KEY_AGE_DAYS, ninety, must be a whole number, got 'ninety'",
    "KEYWARDEN_PASSWORD_REUSE_PREVENTION, 25, must be between 0 and 24, got 25",
    "KEYWARDEN_MIN_PASSWORD_LENGTH, 5, must be between 6 and 128, got 5",
    "KEYWARDEN_CREDENTIAL_REPORT_WAIT_SECONDS, -1, must be between 1 and 900, got -1",
  })
  void load_whenEnvironmentValueIsBad_namesTheVariableAndTheValue(
      String variable, String value, String expected) {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(variable, value)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("environment variable " + variable)
        .hasMessageContaining(expected);
  }

  @Test
  void load_whenNoticeWindowIsNotShorterThanMaxAge_rejectsIt() {
    Map<String, String> env =
        Map.of("KEYWARDEN_MAX_KEY_AGE_DAYS", "30", "KEYWARDEN_NOTICE_WINDOW_DAYS", "30");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), env))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("notice-window-days (30) must be shorter than max-key-age-days (30)");
  }

  @Test
  void load_whenOwnerTagKeysIsBlank_rejectsIt() {
    assertThatThrownBy(
            () -> ConfigLoader.load(Optional.empty(), Map.of("KEYWARDEN_OWNER_TAG_KEYS", " , ")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("owner-tag-keys must list at least one tag key");
  }

  @Test
  void load_whenFileIsMissing_namesIt() {
    Path missing = dir.resolve("nope.properties");

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(missing), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nope.properties does not exist");
  }

  @Test
  void load_whenFileIsNotText_saysSo() throws IOException {
    Path binary = dir.resolve("binary.properties");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});

    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(binary), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is not UTF-8 text");
  }

  @Test
  void load_whenValueHasControlCharacters_doesNotEchoThemRaw() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(), Map.of("KEYWARDEN_UNUSED_DAYS", "4\u001b[31m5")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("\u001b")
        .hasMessageContaining("'4?[31m5'");
  }

  @Test
  void defaults_ownerTagKeys_areTheDocumentedList() {
    assertThat(AuditPolicy.defaults().ownerTagKeys())
        .isEqualTo(List.of("owner", "Owner", "email", "keywarden:owner"));
  }
}
