package dev.keywarden.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keywarden.InvalidInputException;
import dev.keywarden.checks.ExemptionGrant;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GrantRulesTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final String BY = "arn:aws:sts::111111111111:assumed-role/security-team/ana";

  private static ExemptionGrant grant(String until, String checks) {
    return GrantRules.grant(
        "123456789012", "svc-vendor", until, "vendor appliance", checks, 180, BY, NOW);
  }

  @Test
  void grant_whenValid_recordsWhoWhenAndWhat() {
    ExemptionGrant grant = grant("2027-01-31", "key-expired, key-rotation-due");

    assertThat(grant.until()).isEqualTo(LocalDate.parse("2027-01-31"));
    assertThat(grant.checks()).containsExactlyInAnyOrder("key-expired", "key-rotation-due");
    assertThat(grant.grantedBy()).isEqualTo(BY);
    assertThat(grant.grantedAt()).isEqualTo(NOW);
  }

  @Test
  void grant_whenUntilIsTheCeiling_isAccepted() {
    assertThat(grant("2027-05-23", null).until()).isEqualTo(LocalDate.parse("2027-05-23"));
  }

  @Test
  void grant_whenUntilOneDayPastTheCeiling_isRefusedNamingTheLatestDay() {
    assertThatThrownBy(() -> grant("2027-05-24", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "--until: 2027-05-24 is more than max-exemption-days (180) ahead; the latest allowed today is 2027-05-23"
                + " (grant again before it ends to extend it)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9999-12-31", "+999999999-12-31"})
  void grant_whenUntilFarAway_isRefused(String until) {
    assertThatThrownBy(() -> grant(until, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("--until: ");
  }

  @Test
  void grant_whenUntilToday_isAcceptedAndYesterdayIsNot() {
    assertThat(grant("2026-11-24", null).until()).isEqualTo(LocalDate.parse("2026-11-24"));
    assertThatThrownBy(() -> grant("2026-11-23", null))
        .hasMessageContaining("is before today (2026-11-24)");
  }

  @Test
  void grant_whenCheckUnknown_namesIt() {
    assertThatThrownBy(() -> grant("2027-01-31", "key-expired key-too-old"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("--checks: 'key-too-old' is not a check id; exemptable checks: ")
        .hasMessageNotContaining("tag-invalid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tag-invalid", "account-not-audited", "exemption-requested"})
  void grant_whenCheckCannotBeExempted_refusesIt(String id) {
    assertThatThrownBy(() -> grant("2027-01-31", id))
        .hasMessage("--checks: '" + id + "' cannot be exempted");
  }

  @Test
  void grant_whenReasonBlank_isRefused() {
    assertThatThrownBy(
            () -> GrantRules.grant("123456789012", "svc", "2027-01-31", "  ", null, 180, BY, NOW))
        .hasMessageStartingWith("--reason must say why");
  }

  @Test
  void grant_whenAccountOrUserMalformed_namesTheFlag() {
    assertThatThrownBy(
            () -> GrantRules.grant("12345", "svc", "2027-01-31", "r", null, 180, BY, NOW))
        .hasMessage("--account: '12345' is not a 12-digit AWS account id");
    assertThatThrownBy(
            () -> GrantRules.grant("123456789012", "a b", "2027-01-31", "r", null, 180, BY, NOW))
        .hasMessageStartingWith("--user: 'a b' is not an IAM user name");
  }

  @Test
  void grant_whenUntilNotADate_saysTheFormat() {
    assertThatThrownBy(() -> grant("31/01/2027", null))
        .hasMessage("--until: '31/01/2027' is not a date; use YYYY-MM-DD such as 2026-12-31");
  }
}
