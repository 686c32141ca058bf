package dev.keywarden.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Credential reports that are valid but odd, or broken in ways AWS has never shown yet. */
class CredentialReportSurprisesTest {
  private static final String HEADER =
      "user,arn,mfa_active,access_key_1_active,access_key_1_last_rotated";

  private static CredentialReport parse(String... lines) {
    return CredentialReportParser.parse(String.join("\n", lines) + "\n", "report.csv");
  }

  private static String user(String name) {
    return name
        + ",arn:aws:iam::123456789012:user/"
        + name
        + ",true,true,2026-08-18T10:00:00+00:00";
  }

  @Test
  void parse_whenRootRowIsInTheMiddle_keepsItOutOfUsersAndKeepsTheOrder() {
    CredentialReport report =
        parse(
            HEADER,
            user("alice"),
            "<root_account>,arn:aws:iam::123456789012:root,false,false,N/A",
            user("bob"));

    assertThat(report.users())
        .extracting(CredentialReportRow::user)
        .containsExactly("alice", "bob");
    assertThat(report.root())
        .hasValueSatisfying(root -> assertThat(root.lineNumber()).isEqualTo(3));
  }

  @Test
  void parse_whenBomCrlfAndRootInTheMiddleComeTogether_readsEveryRow() {
    String content =
        "\uFEFF"
            + HEADER
            + "\r\n"
            + user("alice")
            + "\r\n"
            + "<root_account>,arn:aws:iam::123456789012:root,false,false,N/A\r\n"
            + user("bob")
            + "\r\n";

    CredentialReport report = CredentialReportParser.parse(content, "report.csv");

    assertThat(report.users())
        .extracting(CredentialReportRow::user)
        .containsExactly("alice", "bob");
    assertThat(report.root()).isPresent();
  }

  @Test
  void parse_whenAnUnknownColumnAppearsTwice_ignoresBoth() {
    CredentialReport report = parse(HEADER + ",team,team", user("alice") + ",a,b");

    assertThat(report.users()).singleElement().satisfies(r -> assertThat(r.mfaActive()).isTrue());
  }

  @Test
  void parse_whenARowIsHuge_readsItWhole() {
    String huge = "x".repeat(200_000);

    CredentialReport report = parse(HEADER + ",note", user("alice") + ",\"" + huge + "\"");

    assertThat(report.users())
        .singleElement()
        .satisfies(r -> assertThat(r.user()).isEqualTo("alice"));
  }

  @Test
  void parse_whenAUserNameHoldsInjectionText_keepsItAsData() {
    CredentialReport report =
        parse(HEADER, "\"=cmd|' /C calc'!A0\",arn:aws:iam::123456789012:user/x,true,false,N/A");

    assertThat(report.users())
        .singleElement()
        .satisfies(r -> assertThat(r.user()).isEqualTo("=cmd|' /C calc'!A0"));
  }

  @Test
  void parse_whenABadValueIsHuge_failsWithAClippedMessage() {
    assertThatThrownBy(
            () ->
                parse(
                    HEADER,
                    "alice,arn:aws:iam::123456789012:user/alice,"
                        + "y".repeat(100_000)
                        + ",true,N/A"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(250));
  }

  @ParameterizedTest
  @ValueSource(strings = {"True", "FALSE", "t", "on", "\"tru\u0000e\"", "\"true\nfalse\""})
  void parse_whenABooleanIsUnexpected_failsNamingTheColumnWithoutControlCharacters(String value) {
    assertThatThrownBy(
            () ->
                parse(HEADER, "alice,arn:aws:iam::123456789012:user/alice," + value + ",true,N/A"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("mfa_active")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("[\\x00-\\x1f]"));
  }
}
