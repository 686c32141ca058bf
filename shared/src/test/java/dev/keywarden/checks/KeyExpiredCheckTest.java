package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.ago;
import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.root;
import static dev.keywarden.checks.Inventories.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.ReportColumn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyExpiredCheckTest {
  private static final Check CHECK = new KeyExpiredCheck();

  private static List<Finding> findings(Inventories inventory) {
    return CHECK.evaluate(inventory.context()).findings();
  }

  @ParameterizedTest(name = "rotated 90 days {0} seconds ago: expired={1}")
  @CsvSource({"-1, false", "0, true", "1, true"})
  void evaluate_aroundDeadline_firesFromTheExactDeadline(long extraSeconds, boolean expired) {
    Instant rotated = ago(Duration.ofDays(90).plusSeconds(extraSeconds));

    assertThat(findings(Inventories.offline().with(user("alice").key(1, rotated))))
        .hasSize(expired ? 1 : 0);
  }

  @Test
  void evaluate_whenExpired_reportsAgeMaxAndDeadline() {
    Instant rotated = Instant.parse("2026-08-18T10:00:00Z");

    Finding finding =
        CHECK
            .evaluate(
                Inventories.offline()
                    .with(user("alice").key(1, rotated))
                    .at(Instant.parse("2026-11-24T00:00:00Z")))
            .findings()
            .get(0);

    assertThat(finding.message())
        .isEqualTo(
            "access_key_1 of alice is 97 days old (max 90): deadline was 2026-11-16T10:00:00Z");
    assertThat(finding.deadline()).contains(Instant.parse("2026-11-16T10:00:00Z"));
  }

  @Test
  void evaluate_whenExpired_namesTheKeyResourceAndUser() {
    Inventories.Row alice = user("alice").key(2, daysAgo(100));

    Finding finding = findings(Inventories.offline().with(alice)).get(0);

    assertThat(finding.principal()).isEqualTo("alice");
    assertThat(finding.resourceId()).isEqualTo("arn:aws:iam::123456789012:user/alice#access_key_2");
    assertThat(finding.severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void evaluate_whenOldKeyInactive_findsNothing() {
    assertThat(
            findings(
                Inventories.offline()
                    .with(user("alice").inactiveKey(1, daysAgo(400), daysAgo(300)))))
        .isEmpty();
  }

  @Test
  void evaluate_whenRootKeyOld_leavesItToRootAccessKey() {
    assertThat(findings(Inventories.offline().withRoot(root().key(1, daysAgo(400))))).isEmpty();
  }

  @Test
  void evaluate_whenUserTagShortensMaxAge_usesTheTag() {
    Inventories.Row svc = user("svc").key(1, daysAgo(30)).tag(AuditPolicy.MAX_KEY_AGE_TAG, "30");

    assertThat(findings(Inventories.online().with(svc)))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith(
                        "access_key_1 of svc is 30 days old (max 30, from its keywarden:max-key-age tag)"));
  }

  @Test
  void evaluate_whenUserTagLengthensMaxAgeWithoutGrant_usesThePolicy() {
    Inventories.Row svc = user("svc").key(1, daysAgo(100)).tag(AuditPolicy.MAX_KEY_AGE_TAG, "180");

    assertThat(findings(Inventories.online().with(svc)))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message()).startsWith("access_key_1 of svc is 100 days old (max 90)"));
  }

  @Test
  void evaluate_whenUserTagLengthensMaxAgeWithGrantForKeyExpired_usesTheTag() {
    Inventories.Row svc = user("svc").key(1, daysAgo(100)).tag(AuditPolicy.MAX_KEY_AGE_TAG, "180");

    assertThat(
            findings(
                Inventories.online().with(svc).grant("svc", "2027-01-31", "vendor", "key-expired")))
        .isEmpty();
  }

  @Test
  void evaluate_whenUserTagLengthensMaxAgeWithGrantForOtherChecks_usesThePolicy() {
    Inventories.Row svc = user("svc").key(1, daysAgo(100)).tag(AuditPolicy.MAX_KEY_AGE_TAG, "180");

    assertThat(
            findings(
                Inventories.online().with(svc).grant("svc", "2027-01-31", "vendor", "key-unused")))
        .hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "3651", "thirty", "-5", ""})
  void evaluate_whenUserTagMalformed_usesPolicyDefault(String tag) {
    Inventories.Row svc = user("svc").key(1, daysAgo(90)).tag(AuditPolicy.MAX_KEY_AGE_TAG, tag);

    assertThat(findings(Inventories.online().with(svc)))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("(max 90)"));
  }

  @Test
  void evaluate_whenRotationColumnMissing_isSkippedNamingIt() {
    CheckOutcome outcome =
        CHECK.evaluate(
            Inventories.offline().without(ReportColumn.ACCESS_KEY_2_LAST_ROTATED).context());

    assertThat(outcome.skippedBecause())
        .contains("the credential report has no access_key_2_last_rotated column");
  }

  @Test
  void evaluate_whenPolicyMaxAgeDiffers_usesPolicy() {
    AuditPolicy policy =
        new AuditPolicy(30, 7, 45, 30, 14, 24, List.of("owner"), Duration.ofMinutes(1));

    assertThat(findings(Inventories.offline().policy(policy).with(user("a").key(1, daysAgo(30)))))
        .hasSize(1);
  }
}
