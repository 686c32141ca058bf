package dev.keywarden.checks;

import static dev.keywarden.checks.Inventories.daysAgo;
import static dev.keywarden.checks.Inventories.user;
import static dev.keywarden.config.AuditPolicy.EXEMPT_CHECKS_TAG;
import static dev.keywarden.config.AuditPolicy.EXEMPT_REASON_TAG;
import static dev.keywarden.config.AuditPolicy.EXEMPT_UNTIL_TAG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.keywarden.config.AuditPolicy;
import dev.keywarden.inventory.AccountInventory;
import dev.keywarden.inventory.CredentialReport;
import dev.keywarden.inventory.CredentialReportParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {
  private static final String REASON = "vendor appliance, ticket SEC-42";
  private static final String GRANTER = "arn:aws:iam::123456789012:role/security-team";

  private static AuditResult sample() throws IOException {
    String csv;
    try (InputStream in =
        CheckRunnerTest.class.getResourceAsStream("/credential-reports/sample.csv")) {
      csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    CredentialReport report = CredentialReportParser.parse(csv, "sample.csv");
    Instant asOf = Instant.parse("2026-11-24T00:00:00Z");
    return CheckRunner.run(
        new CheckContext(
            AccountInventory.offline("123456789012", asOf, report), AuditPolicy.defaults(), asOf));
  }

  /** alice holds an expired key and a second active key: key-expired and multiple-active-keys. */
  private static Inventories.Row alice() {
    return user("alice").key(1, daysAgo(100)).key(2, daysAgo(5)).tag("owner", "alice@example.com");
  }

  /** Runs the checks online on {@code alice}, who holds a grant until 2027-01-31. */
  private static AuditResult withAlicesGrant(Inventories.Row alice) {
    return CheckRunner.run(
        Inventories.online().with(alice).grant("alice", "2027-01-31", REASON).context());
  }

  @Test
  void run_whenSampleReportOffline_findsEveryExpectedProblemInOrder() throws IOException {
    assertThat(sample().findings())
        .extracting(Finding::checkId, Finding::principal)
        .containsExactly(
            tuple("root-access-key", "<root_account>"),
            tuple("root-no-mfa", "<root_account>"),
            tuple("console-without-mfa", "dave"),
            tuple("key-expired", "alice"),
            tuple("root-recently-used", "<root_account>"),
            tuple("console-unused", "erin"),
            tuple("console-unused", "kevin"),
            tuple("human-long-term-key", "carol"),
            tuple("key-unused", "grace"),
            tuple("key-unused", "leo"),
            tuple("multiple-active-keys", "frank"),
            tuple("key-created-with-user", "carol"),
            tuple("key-rotation-due", "bob"),
            tuple("key-rotation-due", "leo"));
  }

  /** The checks the credential report alone can judge: every other one is skipped offline. */
  private static final java.util.Set<String> REPORT_ALONE_JUDGES =
      java.util.Set.of(
          "key-rotation-due",
          "key-expired",
          "key-unused",
          "key-created-with-user",
          "multiple-active-keys",
          "console-without-mfa",
          "console-unused",
          "root-access-key",
          "root-no-mfa",
          "root-recently-used",
          "human-long-term-key",
          "account-not-audited",
          "signing-cert-old");

  @Test
  void run_whenSampleReportOffline_skipsChecksNeedingMoreThanTheReport() throws IOException {
    assertThat(sample().skipped())
        .containsOnlyKeys(
            CheckCatalog.all().stream()
                .map(c -> c.metadata().id())
                .filter(id -> !REPORT_ALONE_JUDGES.contains(id))
                .toArray(String[]::new));
  }

  @Test
  void run_whenSkipped_keepsEachChecksReason() throws IOException {
    assertThat(sample().skipped().get("password-policy-weak")).contains("GetAccountPasswordPolicy");
  }

  @Test
  void run_always_recordsAccountAndInstant() throws IOException {
    AuditResult result = sample();

    assertThat(result.accountId()).isEqualTo("123456789012");
    assertThat(result.asOf()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
  }

  @Test
  void run_whenSameCheckAndPrincipal_ordersByResource() {
    Inventories.Row bob =
        user("bob").key(2, daysAgo(100), daysAgo(1)).key(1, daysAgo(95), daysAgo(1));

    AuditResult result = CheckRunner.run(Inventories.offline().with(bob).context());

    assertThat(result.findings())
        .filteredOn(f -> f.checkId().equals("key-expired"))
        .extracting(Finding::resourceId)
        .containsExactly(bob.key(1), bob.key(2));
  }

  @Test
  void run_whenNoExemption_leavesFindingsOpen() {
    AuditResult result = CheckRunner.run(Inventories.online().with(alice()).context());

    assertThat(result.findings())
        .extracting(Finding::checkId)
        .containsExactly("key-expired", "multiple-active-keys");
    assertThat(result.exempted()).isEmpty();
  }

  @Test
  void run_whenGrantValidThroughToday_setsEveryFindingOfTheUserAside() {
    AuditResult result =
        CheckRunner.run(
            Inventories.online().with(alice()).grant("alice", "2026-11-24", REASON).context());

    assertThat(result.findings()).isEmpty();
    assertThat(result.exempted())
        .extracting(e -> e.finding().checkId(), ExemptedFinding::until, ExemptedFinding::reason)
        .containsExactly(
            tuple(
                "key-expired",
                LocalDate.parse("2026-11-24"),
                REASON + " (granted by " + GRANTER + ")"),
            tuple(
                "multiple-active-keys",
                LocalDate.parse("2026-11-24"),
                REASON + " (granted by " + GRANTER + ")"));
  }

  @Test
  void run_whenGrantEndedYesterday_keepsFindingsOpen() {
    AuditResult result =
        CheckRunner.run(
            Inventories.online().with(alice()).grant("alice", "2026-11-23", REASON).context());

    assertThat(result.findings())
        .extracting(Finding::checkId)
        .containsExactly("key-expired", "multiple-active-keys");
    assertThat(result.exempted()).isEmpty();
  }

  @Test
  void run_whenExemptionTagsWithoutGrant_keepsFindingsOpenAndShowsTheRequest() {
    Inventories.Row alice =
        alice().tag(EXEMPT_UNTIL_TAG, "9999-12-31").tag(EXEMPT_REASON_TAG, REASON);

    AuditResult result = CheckRunner.run(Inventories.online().with(alice).context());

    assertThat(result.findings())
        .extracting(Finding::checkId)
        .containsExactly("key-expired", "exemption-requested", "multiple-active-keys");
    assertThat(result.exempted()).isEmpty();
    assertThat(result.findings())
        .filteredOn(f -> f.checkId().equals("exemption-requested"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "alice: its tags ask for an exemption until 9999-12-31 (reason: "
                            + REASON
                            + "), which is not honoured without a grant: keywarden exempt --account 123456789012 --user alice"
                            + " --until YYYY-MM-DD --reason TEXT"));
  }

  @Test
  void run_whenGrantNamesSomeChecks_setsAsideOnlyThose() {
    AuditResult result =
        CheckRunner.run(
            Inventories.online()
                .with(alice())
                .grant("alice", "2027-01-31", REASON, "key-expired", "key-unused")
                .context());

    assertThat(result.findings())
        .extracting(Finding::checkId)
        .containsExactly("multiple-active-keys");
    assertThat(result.exempted())
        .extracting(e -> e.finding().checkId())
        .containsExactly("key-expired");
  }

  @Test
  void run_whenTagNarrowsGrant_setsAsideOnlyWhatBothCover() {
    Inventories.Row alice =
        alice()
            .tag(EXEMPT_UNTIL_TAG, "2027-01-31")
            .tag(EXEMPT_REASON_TAG, REASON)
            .tag(EXEMPT_CHECKS_TAG, "multiple-active-keys");

    AuditResult result = withAlicesGrant(alice);

    assertThat(result.findings()).extracting(Finding::checkId).containsExactly("key-expired");
    assertThat(result.exempted())
        .extracting(e -> e.finding().checkId())
        .containsExactly("multiple-active-keys");
  }

  @Test
  void run_whenTagEndsBeforeGrant_usesTheTagsEarlierDay() {
    Inventories.Row alice =
        alice().tag(EXEMPT_UNTIL_TAG, "2026-11-30").tag(EXEMPT_REASON_TAG, REASON);

    AuditResult result = withAlicesGrant(alice);

    assertThat(result.exempted())
        .extracting(ExemptedFinding::until)
        .containsOnly(LocalDate.parse("2026-11-30"));
  }

  @Test
  void run_whenTagNamesOneUnknownCheck_namesItAndHonoursTheValidPartTheGrantCovers() {
    Inventories.Row alice =
        alice()
            .tag(EXEMPT_UNTIL_TAG, "2027-01-31")
            .tag(EXEMPT_REASON_TAG, REASON)
            .tag(EXEMPT_CHECKS_TAG, "key-expired key-too-old");

    AuditResult result = withAlicesGrant(alice);

    assertThat(result.exempted())
        .extracting(e -> e.finding().checkId())
        .containsExactly("key-expired");
    assertThat(result.findings())
        .extracting(Finding::checkId)
        .containsExactly("multiple-active-keys", "tag-invalid");
    assertThat(result.findings())
        .filteredOn(f -> f.checkId().equals("tag-invalid"))
        .singleElement()
        .satisfies(
            f -> assertThat(f.message()).contains("names 'key-too-old', which is not a check id"));
  }

  @Test
  void run_whenTagNamesOneUnknownCheckWithoutGrant_honoursNothing() {
    Inventories.Row alice =
        alice()
            .tag(EXEMPT_UNTIL_TAG, "2027-01-31")
            .tag(EXEMPT_REASON_TAG, REASON)
            .tag(EXEMPT_CHECKS_TAG, "key-expired key-too-old");

    AuditResult result = CheckRunner.run(Inventories.online().with(alice).context());

    assertThat(result.exempted()).isEmpty();
    assertThat(result.findings())
        .extracting(Finding::checkId)
        .containsExactly(
            "key-expired", "exemption-requested", "multiple-active-keys", "tag-invalid");
  }

  @Test
  void run_whenGrantInForce_neverSetsTagInvalidAside() {
    Inventories.Row alice = alice().tag(AuditPolicy.MAX_KEY_AGE_TAG, "forever");

    AuditResult result = withAlicesGrant(alice);

    assertThat(result.findings()).extracting(Finding::checkId).containsExactly("tag-invalid");
  }

  @Test
  void run_whenOneUserGranted_leavesOtherUsersFindingsOpen() {
    Inventories.Row bob = user("bob").key(1, daysAgo(100)).tag("owner", "bob@example.com");

    AuditResult result =
        CheckRunner.run(
            Inventories.online().with(alice(), bob).grant("alice", "2027-01-31", REASON).context());

    assertThat(result.findings())
        .extracting(Finding::checkId, Finding::principal)
        .containsExactly(tuple("key-expired", "bob"));
  }

  @Test
  void run_whenGrantIsForAnotherAccount_setsNothingAside() {
    Inventories inventories = Inventories.online().with(alice());
    AuditResult result =
        CheckRunner.run(
            new CheckContext(
                inventories.build(),
                AuditPolicy.defaults(),
                Inventories.AS_OF,
                java.util.List.of(
                    new ExemptionGrant(
                        "999999999999",
                        "alice",
                        LocalDate.parse("2027-01-31"),
                        REASON,
                        java.util.Set.of(),
                        GRANTER,
                        Inventories.AS_OF))));

    assertThat(result.exempted()).isEmpty();
  }
}
