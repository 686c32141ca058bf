package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.user;
import static dev.keywarden.config.AuditPolicy.EXEMPT_CHECKS_TAG;
import static dev.keywarden.config.AuditPolicy.EXEMPT_REASON_TAG;
import static dev.keywarden.config.AuditPolicy.EXEMPT_UNTIL_TAG;
import static dev.keywarden.config.AuditPolicy.MAX_KEY_AGE_TAG;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit is as of 2026-11-24T12:00:00Z, so "today" is 2026-11-24 (UTC). */
class TagInvalidCheckTest {
  private static final Check CHECK = new TagInvalidCheck();

  private static List<Finding> findings(Inventories.Row row) {
    return CHECK.evaluate(Inventories.online().with(row).context()).findings();
  }

  private static Inventories.Row exempt(String until) {
    return user("svc")
        .tag(EXEMPT_UNTIL_TAG, until)
        .tag(EXEMPT_REASON_TAG, "vendor appliance, ticket SEC-42");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "3651", "-5", "thirty", "30.5", "", "99999999999"})
  void evaluate_whenMaxKeyAgeMalformed_findsTheUser(String value) {
    assertThat(findings(user("svc").tag(MAX_KEY_AGE_TAG, value)))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "svc: keywarden:max-key-age is '"
                            + value
                            + "', not a whole number of days from 1 to 3650 (the policy default applies instead)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "30", "3650", " 45 "})
  void evaluate_whenMaxKeyAgeValid_findsNothing(String value) {
    assertThat(findings(user("svc").tag(MAX_KEY_AGE_TAG, value))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-24", "2026-11-25", "2027-06-30"})
  void evaluate_whenExemptionRunsTodayOrLater_findsNothing(String until) {
    assertThat(findings(exempt(until))).isEmpty();
  }

  @Test
  void evaluate_whenExemptionEndedYesterday_findsItExpired() {
    assertThat(findings(exempt("2026-11-23")))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resourceId()).isEqualTo("arn:aws:iam::123456789012:user/svc");
              assertThat(f.message())
                  .isEqualTo(
                      "svc: keywarden:exempt-until 2026-11-23 has passed, so the exemption"
                          + " (vendor appliance, ticket SEC-42) no longer applies");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026/12/01", "2026-02-30", "next year", "2026-12-1"})
  void evaluate_whenExemptUntilNotADate_quotesIt(String until) {
    assertThat(findings(exempt(until)))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains(
                        "keywarden:exempt-until is '"
                            + until
                            + "', not a date (expected YYYY-MM-DD"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void evaluate_whenReasonBlank_findsIt(String reason) {
    assertThat(
            findings(
                user("svc").tag(EXEMPT_UNTIL_TAG, "2027-01-01").tag(EXEMPT_REASON_TAG, reason)))
        .singleElement()
        .satisfies(
            f -> assertThat(f.message()).contains("keywarden:exempt-reason is missing or blank"));
  }

  @Test
  void evaluate_whenReasonMissing_findsIt() {
    assertThat(findings(user("svc").tag(EXEMPT_UNTIL_TAG, "2027-01-01")))
        .singleElement()
        .satisfies(
            f -> assertThat(f.message()).contains("keywarden:exempt-reason is missing or blank"));
  }

  @Test
  void evaluate_whenReasonWithoutUntil_findsIt() {
    assertThat(findings(user("svc").tag(EXEMPT_REASON_TAG, "legacy")))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("keywarden:exempt-reason is set without keywarden:exempt-until"));
  }

  @Test
  void evaluate_whenExemptChecksNamesUnknownId_quotesIt() {
    assertThat(findings(exempt("2027-01-01").tag(EXEMPT_CHECKS_TAG, "key-expired key-too-old")))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "svc: keywarden:exempt-checks names 'key-too-old', which is not a check id"
                            + " (only the valid ids listed can be honoured)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tag-invalid", "account-not-audited"})
  void evaluate_whenExemptChecksNamesUnexemptableCheck_findsIt(String id) {
    assertThat(findings(exempt("2027-01-01").tag(EXEMPT_CHECKS_TAG, id)))
        .singleElement()
        .satisfies(
            f -> assertThat(f.message()).contains("names '" + id + "', which cannot be exempted"));
  }

  @Test
  void evaluate_whenExemptChecksBlank_findsIt() {
    assertThat(findings(exempt("2027-01-01").tag(EXEMPT_CHECKS_TAG, " ")))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("keywarden:exempt-checks is blank"));
  }

  @Test
  void evaluate_whenSeveralProblems_listsEachInOneFinding() {
    Inventories.Row svc = user("svc").tag(MAX_KEY_AGE_TAG, "0").tag(EXEMPT_UNTIL_TAG, "soon");

    assertThat(findings(svc))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("keywarden:max-key-age is '0'")
                    .contains("keywarden:exempt-until is 'soon'")
                    .contains("exempt-reason is missing"));
  }

  @Test
  void evaluate_whenNoKeywardenTags_findsNothing() {
    assertThat(findings(user("svc").tag("owner", "ops@example.com"))).isEmpty();
  }

  @Test
  void evaluate_whenOffline_isSkipped() {
    assertThat(CHECK.evaluate(Inventories.offline().context()).skipped()).isTrue();
  }
}
