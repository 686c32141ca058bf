package dev.keywarden.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.keywarden.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialReportParserTest {
  private static final String HEADER =
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
          + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
          + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
          + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
          + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
  private static final String ALICE =
      "alice,arn:aws:iam::123456789012:user/alice,2025-02-10T09:00:00+00:00,true,"
          + "2026-11-20T08:00:00+00:00,2026-01-01T00:00:00+00:00,N/A,true,true,2026-08-18T10:00:00+00:00,"
          + "2026-11-23T06:12:00+00:00,eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
  private static final String ROOT =
      "<root_account>,arn:aws:iam::123456789012:root,2019-03-04T09:15:00+00:00,not_supported,"
          + "no_information,not_supported,not_supported,false,true,2021-05-01T10:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,"
          + "false,N/A,false,N/A";

  private static CredentialReport parse(String... lines) {
    return CredentialReportParser.parse(String.join("\n", lines) + "\n", "report.csv");
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in =
        CredentialReportParserTest.class.getResourceAsStream("/credential-reports/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void parse_whenRealFormatRow_readsEveryTypedValue() {
    CredentialReportRow alice = parse(HEADER, ALICE).users().get(0);

    assertThat(alice)
        .isEqualTo(
            new CredentialReportRow(
                "alice",
                "arn:aws:iam::123456789012:user/alice",
                2,
                Optional.of(Instant.parse("2025-02-10T09:00:00Z")),
                true,
                Optional.of(Instant.parse("2026-11-20T08:00:00Z")),
                Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                true,
                List.of(
                    new AccessKeySlot(
                        1,
                        true,
                        Optional.of(Instant.parse("2026-08-18T10:00:00Z")),
                        Optional.of(Instant.parse("2026-11-23T06:12:00Z"))),
                    new AccessKeySlot(2, false, Optional.empty(), Optional.empty())),
                List.of(
                    new CertificateSlot(1, false, Optional.empty()),
                    new CertificateSlot(2, false, Optional.empty()))));
  }

  @Test
  void parse_whenSigningCertificateActive_readsItsSlotAndRotation() {
    String carol =
        ALICE
            .replace("alice", "carol")
            .replace("false,N/A,false,N/A", "true,2026-03-01T00:00:00+00:00,false,N/A");

    CredentialReportRow row = parse(HEADER, carol).users().get(0);

    assertThat(row.activeCertificates())
        .containsExactly(
            new CertificateSlot(1, true, Optional.of(Instant.parse("2026-03-01T00:00:00Z"))));
  }

  @Test
  void parse_whenNoCertificateColumns_hasNoCertificateSlots() {
    CredentialReport report =
        parse("user,arn,access_key_1_active", "bob,arn:aws:iam::1:user/bob,true");

    assertThat(report.has(ReportColumn.CERT_1_ACTIVE)).isFalse();
    assertThat(report.users().get(0).certificates()).isEmpty();
  }

  @Test
  void parse_whenRealFormatHeader_recordsEveryKnownColumn() {
    assertThat(parse(HEADER, ALICE).columns()).containsExactlyInAnyOrder(ReportColumn.values());
  }

  @Test
  void parse_whenRootRowPresent_keepsItOutOfUsers() {
    CredentialReport report = parse(HEADER, ROOT, ALICE);

    assertThat(report.users()).extracting(CredentialReportRow::user).containsExactly("alice");
    assertThat(report.root())
        .hasValueSatisfying(
            root -> {
              assertThat(root.isRoot()).isTrue();
              assertThat(root.arn()).isEqualTo("arn:aws:iam::123456789012:root");
              assertThat(root.lineNumber()).isEqualTo(2);
            });
  }

  @Test
  void parse_whenRootRow_readsNotSupportedPasswordAsDisabled() {
    CredentialReportRow root = parse(HEADER, ROOT).root().orElseThrow();

    assertThat(root.passwordEnabled()).isFalse();
    assertThat(root.passwordLastUsed()).isEmpty();
    assertThat(root.passwordLastChanged()).isEmpty();
    assertThat(root.mfaActive()).isFalse();
    assertThat(root.activeKeys()).extracting(AccessKeySlot::slot).containsExactly(1);
  }

  @Test
  void parse_whenNoRootRow_rootIsEmpty() {
    assertThat(parse(HEADER, ALICE).root()).isEmpty();
  }

  @Test
  void parse_whenTwoRootRows_failsNamingBothLines() {
    assertThatThrownBy(() -> parse(HEADER, ROOT, ALICE, ROOT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "report.csv: line 4: a second <root_account> row (the first is on line 2)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"N/A", "not_supported", "no_information", ""})
  void parse_whenDateMarker_readsEmpty(String marker) {
    String row = "bob,arn:aws:iam::1:user/bob," + marker + ",false," + marker + "," + marker;
    CredentialReportRow bob =
        parse(
                "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed",
                row)
            .users()
            .get(0);

    assertThat(List.of(bob.userCreated(), bob.passwordLastUsed(), bob.passwordLastChanged()))
        .allMatch(Optional::isEmpty);
  }

  @Test
  void parse_whenDateHasZuluOffset_readsIt() {
    CredentialReportRow bob =
        parse("user,arn,user_creation_time", "bob,arn:aws:iam::1:user/bob,2026-05-01T12:00:00Z")
            .users()
            .get(0);

    assertThat(bob.userCreated()).contains(Instant.parse("2026-05-01T12:00:00Z"));
  }

  @Test
  void parse_whenDateHasOtherOffset_convertsToInstant() {
    CredentialReportRow bob =
        parse(
                "user,arn,user_creation_time",
                "bob,arn:aws:iam::1:user/bob,2026-05-01T12:00:00+02:00")
            .users()
            .get(0);

    assertThat(bob.userCreated()).contains(Instant.parse("2026-05-01T10:00:00Z"));
  }

  @Test
  void parse_whenBadDate_failsNamingLineColumnAndValue() {
    String bad = ALICE.replace("2026-08-18T10:00:00+00:00", "2024-13-45");

    assertThatThrownBy(
            () ->
                parse(
                    HEADER,
                    ROOT,
                    ALICE.replace("alice", "a1"),
                    ALICE.replace("alice", "a2"),
                    ALICE.replace("alice", "a3"),
                    ALICE.replace("alice", "a4"),
                    bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "report.csv: line 7, column 10 (access_key_1_last_rotated): '2024-13-45' is not a date"
                + " (expected ISO-8601 such as 2024-05-01T12:00:00+00:00)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T10:00:00+00:00",
        "2026-05-01",
        "2026-05-01T12:00:00",
        "yesterday",
        "N/a"
      })
  void parse_whenNotAnIsoInstant_failsAsNotADate(String value) {
    assertThatThrownBy(
            () -> parse("user,arn,user_creation_time", "bob,arn:aws:iam::1:user/bob," + value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "line 2, column 3 (user_creation_time): '" + value + "' is not a date");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TRUE", "yes", "1", "", "not_supported"})
  void parse_whenBadBoolean_failsNamingLineColumnAndValue(String value) {
    assertThatThrownBy(() -> parse("user,arn,mfa_active", "bob,arn:aws:iam::1:user/bob," + value))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "report.csv: line 2, column 3 (mfa_active): '"
                + value
                + "' is not a boolean (expected true or false)");
  }

  @Test
  void parse_whenQuotedFieldHoldsComma_keepsItInOneField() {
    CredentialReportRow row =
        parse("user,arn,mfa_active", "\"svc,deploy\",\"arn:aws:iam::1:user/svc,deploy\",true")
            .users()
            .get(0);

    assertThat(row.user()).isEqualTo("svc,deploy");
    assertThat(row.arn()).isEqualTo("arn:aws:iam::1:user/svc,deploy");
    assertThat(row.mfaActive()).isTrue();
  }

  @Test
  void parse_whenQuotedFieldHoldsDoubledQuotes_unescapesThem() {
    CredentialReportRow row =
        parse("user,arn", "\"say \"\"hi\"\"\",arn:aws:iam::1:user/x").users().get(0);

    assertThat(row.user()).isEqualTo("say \"hi\"");
  }

  @Test
  void parse_whenQuotedFieldHoldsLineBreak_keepsItAndCountsLines() {
    CredentialReport report =
        parse(
            "user,arn,team",
            "bob,arn:aws:iam::1:user/bob,\"two\r\nlines\"",
            "carol,arn:aws:iam::1:user/carol,x");

    assertThat(report.users())
        .extracting(CredentialReportRow::user, CredentialReportRow::lineNumber)
        .containsExactly(tuple("bob", 2), tuple("carol", 4));
  }

  @Test
  void parse_whenCrlfLineEnds_readsRowsAndValues() {
    CredentialReport report =
        CredentialReportParser.parse(
            HEADER + "\r\n" + ROOT + "\r\n" + ALICE + "\r\n", "report.csv");

    assertThat(report.users())
        .singleElement()
        .satisfies(alice -> assertThat(alice.accessKeys().get(1).active()).isFalse());
    assertThat(report.root()).isPresent();
  }

  @Test
  void parse_whenNoFinalLineBreak_readsLastRow() {
    CredentialReport report = CredentialReportParser.parse(HEADER + "\n" + ALICE, "report.csv");

    assertThat(report.users()).extracting(CredentialReportRow::user).containsExactly("alice");
  }

  @Test
  void parse_whenUtf8BomAtStart_readsHeader() {
    CredentialReport report =
        CredentialReportParser.parse("\uFEFF" + HEADER + "\n" + ALICE + "\n", "report.csv");

    assertThat(report.has(ReportColumn.USER)).isTrue();
    assertThat(report.users()).hasSize(1);
  }

  @Test
  void parse_whenTrailingBlankLines_ignoresThem() {
    CredentialReport report =
        CredentialReportParser.parse(HEADER + "\n" + ALICE + "\n\n\r\n  \n", "report.csv");

    assertThat(report.users()).hasSize(1);
  }

  @Test
  void parse_whenHeaderOnly_hasNoUsers() {
    CredentialReport report = CredentialReportParser.parse(HEADER + "\n", "report.csv");

    assertThat(report.users()).isEmpty();
    assertThat(report.root()).isEmpty();
  }

  @Test
  void parse_whenExtraUnknownColumn_ignoresIt() {
    CredentialReport report =
        parse("user,team,arn,mfa_active", "bob,platform,arn:aws:iam::1:user/bob,true");

    assertThat(report.users().get(0).mfaActive()).isTrue();
    assertThat(report.columns())
        .containsExactlyInAnyOrder(ReportColumn.USER, ReportColumn.ARN, ReportColumn.MFA_ACTIVE);
  }

  @Test
  void parse_whenOptionalColumnMissing_recordsAbsenceAndReadsEmpty() {
    CredentialReport report =
        parse("user,arn,access_key_1_active", "bob,arn:aws:iam::1:user/bob,true");

    assertThat(report.has(ReportColumn.ACCESS_KEY_1_LAST_ROTATED)).isFalse();
    assertThat(report.users().get(0).accessKeys().get(0))
        .isEqualTo(new AccessKeySlot(1, true, Optional.empty(), Optional.empty()));
  }

  @Test
  void parse_whenReorderedShortHeaderFixture_readsByName() throws IOException {
    CredentialReport report =
        CredentialReportParser.parse(fixture("short-header.csv"), "short-header.csv");

    assertThat(report.columns())
        .isEqualTo(
            EnumSet.complementOf(
                EnumSet.of(
                    ReportColumn.PASSWORD_LAST_CHANGED,
                    ReportColumn.ACCESS_KEY_2_ACTIVE,
                    ReportColumn.ACCESS_KEY_2_LAST_ROTATED,
                    ReportColumn.ACCESS_KEY_2_LAST_USED_DATE,
                    ReportColumn.CERT_1_ACTIVE,
                    ReportColumn.CERT_1_LAST_ROTATED,
                    ReportColumn.CERT_2_ACTIVE,
                    ReportColumn.CERT_2_LAST_ROTATED)));
    CredentialReportRow ops = report.users().get(0);
    assertThat(ops.user()).isEqualTo("ops");
    assertThat(ops.arn()).isEqualTo("arn:aws:iam::123456789012:user/ops");
    assertThat(ops.accessKeys().get(0).lastRotated())
        .contains(Instant.parse("2026-10-01T10:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"user", "arn"})
  void parse_whenRequiredColumnMissing_failsNamingIt(String column) {
    String header = "user,arn,mfa_active".replace(column + ",", "");

    assertThatThrownBy(() -> parse(header, "x,true"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "report.csv is not an IAM credential report: its header has no '"
                + column
                + "' column");
  }

  @Test
  void parse_whenDuplicateKnownColumn_failsNamingIt() {
    assertThatThrownBy(() -> parse("user,arn,mfa_active,mfa_active", "x,y,true,false"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the header names column 'mfa_active' twice (columns 3 and 4)");
  }

  @Test
  void parse_whenRowHasFewerFieldsThanHeader_failsNamingLine() {
    assertThatThrownBy(
            () -> parse(HEADER, ALICE, "bob,arn:aws:iam::1:user/bob,2025-01-01T00:00:00+00:00"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("report.csv: line 3 has 3 fields but the header has 22");
  }

  @Test
  void parse_whenRowHasMoreFieldsThanHeader_failsNamingLine() {
    assertThatThrownBy(() -> parse("user,arn", "svc,deploy,arn:aws:iam::1:user/svc,deploy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("report.csv: line 2 has 4 fields but the header has 2");
  }

  @Test
  void parse_whenBlankLineBetweenRows_failsAsRagged() {
    assertThatThrownBy(() -> parse("user,arn", "", "bob,arn:aws:iam::1:user/bob"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 2 has 1 fields");
  }

  @Test
  void parse_whenUnterminatedQuote_failsNamingLine() {
    assertThatThrownBy(
            () ->
                parse(
                    "user,arn",
                    "bob,arn:aws:iam::1:user/bob",
                    "\"carol,arn:aws:iam::1:user/carol",
                    "dave,x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "report.csv: line 3: a quoted field opened on this line is never closed");
  }

  @Test
  void parse_whenTextFollowsClosingQuote_failsNamingLine() {
    assertThatThrownBy(() -> parse("user,arn", "\"bob\"x,arn:aws:iam::1:user/bob"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("report.csv: line 2: unexpected 'x' after a quoted field");
  }

  @Test
  void parse_whenUserNameEmpty_failsNamingLine() {
    assertThatThrownBy(() -> parse("user,arn", ",arn:aws:iam::1:user/bob"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("report.csv: line 2, column 1 (user): the user name is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n\n", "\uFEFF", "  \r\n"})
  void parse_whenEmpty_failsAsNotAReport(String content) {
    assertThatThrownBy(() -> CredentialReportParser.parse(content, "report.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("report.csv is empty: not a credential report");
  }

  @Test
  void parse_whenSampleFixture_readsRootAndEveryUser() throws IOException {
    CredentialReport report = CredentialReportParser.parse(fixture("sample.csv"), "sample.csv");

    assertThat(report.root()).isPresent();
    assertThat(report.users())
        .extracting(CredentialReportRow::user)
        .containsExactly(
            "alice",
            "bob",
            "carol",
            "dave",
            "erin",
            "frank",
            "grace",
            "heidi",
            "svc,deploy",
            "judy",
            "kevin",
            "leo");
  }

  @Test
  void parse_whenFiveThousandRows_readsThemAll() {
    StringBuilder csv = new StringBuilder(HEADER).append('\n').append(ROOT).append('\n');
    for (int i = 0; i < 5000; i++) {
      csv.append(ALICE.replace("alice", "user" + i)).append('\n');
    }

    CredentialReport report = CredentialReportParser.parse(csv.toString(), "big.csv");

    assertThat(report.users()).hasSize(5000);
    assertThat(report.users().get(4999).lineNumber()).isEqualTo(5002);
  }
}
