package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.user;
import static dev.keywarden.config.AuditPolicy.EXEMPT_REASON_TAG;
import static dev.keywarden.config.AuditPolicy.EXEMPT_UNTIL_TAG;
import static dev.keywarden.config.AuditPolicy.MAX_KEY_AGE_TAG;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExemptionRequestedCheckTest {
  private static final Check CHECK = new ExemptionRequestedCheck();

  private static List<Finding> findings(Inventories inventory) {
    return CHECK.evaluate(inventory.context()).findings();
  }

  @Test
  void evaluate_whenLooseningMaxAgeTagWithoutGrant_showsTheRequest() {
    Inventories.Row svc = user("svc").key(1, daysAgo(100)).tag(MAX_KEY_AGE_TAG, "3650");

    assertThat(findings(Inventories.online().with(svc)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.principal()).isEqualTo("svc");
              assertThat(f.message())
                  .isEqualTo(
                      "svc: keywarden:max-key-age asks for 3650 days, longer than the policy's 90; the"
                          + " policy's 90 days apply unless the security team grants an exemption from key-expired");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "89", "90"})
  void evaluate_whenMaxAgeTagTightensOrEqualsPolicy_findsNothing(String days) {
    assertThat(findings(Inventories.online().with(user("svc").tag(MAX_KEY_AGE_TAG, days))))
        .isEmpty();
  }

  @Test
  void evaluate_whenMaxAgeTagOneDayLongerThanPolicy_showsTheRequest() {
    assertThat(findings(Inventories.online().with(user("svc").tag(MAX_KEY_AGE_TAG, "91"))))
        .hasSize(1);
  }

  @Test
  void evaluate_whenLooseningTagAndGrantCoversKeyExpired_findsNothing() {
    Inventories.Row svc = user("svc").tag(MAX_KEY_AGE_TAG, "180");

    assertThat(
            findings(
                Inventories.online().with(svc).grant("svc", "2027-01-31", "vendor", "key-expired")))
        .isEmpty();
  }

  @Test
  void evaluate_whenExemptionTagsAndGrantInForce_findsNothing() {
    Inventories.Row svc =
        user("svc").tag(EXEMPT_UNTIL_TAG, "2027-01-31").tag(EXEMPT_REASON_TAG, "vendor");

    assertThat(findings(Inventories.online().with(svc).grant("svc", "2027-01-31", "vendor")))
        .isEmpty();
  }

  @Test
  void evaluate_whenGrantHasEnded_showsTheRequestAgain() {
    Inventories.Row svc =
        user("svc").tag(EXEMPT_UNTIL_TAG, "2027-01-31").tag(EXEMPT_REASON_TAG, "vendor");

    assertThat(findings(Inventories.online().with(svc).grant("svc", "2026-11-23", "vendor")))
        .hasSize(1);
  }

  @Test
  void evaluate_whenExemptionTagHasPassed_leavesItToTagInvalid() {
    Inventories.Row svc =
        user("svc").tag(EXEMPT_UNTIL_TAG, "2026-11-23").tag(EXEMPT_REASON_TAG, "vendor");

    assertThat(findings(Inventories.online().with(svc))).isEmpty();
  }

  @Test
  void evaluate_whenOffline_isSkipped() {
    assertThat(CHECK.evaluate(Inventories.offline().with(user("svc")).context()).skippedBecause())
        .isPresent();
  }
}
