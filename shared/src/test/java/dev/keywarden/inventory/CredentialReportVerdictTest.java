package dev.keywarden.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An offline audit never gives a wrong verdict: rows it cannot judge are refused, naming line and
 * column.
 */
class CredentialReportVerdictTest {
  private static final String HEADER =
      "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
          + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
          + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
          + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
          + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n";
  private static final Instant AS_OF = Instant.parse("2026-11-24T00:00:00Z");

  private static String row(String user, String key1Active, String key1Rotated) {
    return user
        + ",arn:aws:iam::123456789012:user/"
        + user
        + ",2025-02-10T09:00:00+00:00,false,N/A,N/A,N/A,false,"
        + key1Active
        + ","
        + key1Rotated
        + ",N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
  }

  @Test
  void parse_whenSameUserTwice_refusesNamingBothLines() {
    String csv =
        HEADER
            + row("alice", "true", "2026-08-18T10:00:00+00:00")
            + row("bob", "false", "N/A")
            + row("alice", "true", "2026-11-18T10:00:00+00:00");

    assertThatThrownBy(() -> CredentialReportParser.parse(csv, "r.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "r.csv: lines 2 and 4 are both user 'alice'; a credential report has one row per user");
  }

  @ParameterizedTest
  @ValueSource(strings = {"N/A", "", "not_supported", "no_information"})
  void parse_whenActiveKeyHasNoRotationDate_refusesNamingLineAndColumn(String value) {
    String csv = HEADER + row("alice", "true", value);

    assertThatThrownBy(() -> CredentialReportParser.parse(csv, "r.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "r.csv: line 2, column 10 (access_key_1_last_rotated): access key 1 is active but its last"
                + " rotation is '"
                + value
                + "', not a date");
  }

  @Test
  void parse_whenInactiveKeyHasNoRotationDate_acceptsIt() {
    assertThat(CredentialReportParser.parse(HEADER + row("alice", "false", "N/A"), "r.csv").users())
        .hasSize(1);
  }

  @Test
  void parse_whenActiveKeyRotatedInTheFuture_refusesNamingLineAndColumn() {
    String csv = HEADER + row("alice", "true", "2027-01-01T00:00:00+00:00");

    assertThatThrownBy(() -> CredentialReportParser.parse(csv, "r.csv", AS_OF))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "r.csv: line 2, column 10 (access_key_1_last_rotated): access key 1 was last rotated at"
                + " 2027-01-01T00:00:00Z, in the future (it is now 2026-11-24T00:00:00Z)");
  }

  @Test
  void parse_whenActiveKeyRotatedExactlyNow_acceptsIt() {
    assertThat(
            CredentialReportParser.parse(
                    HEADER + row("alice", "true", "2026-11-24T00:00:00+00:00"), "r.csv", AS_OF)
                .users())
        .hasSize(1);
  }
}
