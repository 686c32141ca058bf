package dev.keywarden.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.checks.AuditResult;
import dev.keywarden.checks.ExemptedFinding;
import dev.keywarden.checks.Finding;
import dev.keywarden.checks.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReconcilerTest {
  private static final String ACCOUNT = "111122223333";
  private static final Instant EARLIER = Instant.parse("2026-11-01T06:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
  private static final Instant DEADLINE = Instant.parse("2026-12-10T00:00:00Z");
  private static final String ALICE_KEY = "arn:aws:iam::111122223333:user/alice#access_key_1";
  private static final LocalDate UNTIL = LocalDate.parse("2026-12-31");

  private static Finding finding(String checkId, String resourceId, String message) {
    return new Finding(
        checkId,
        Severity.HIGH,
        ACCOUNT,
        "alice",
        resourceId,
        "Title of " + checkId,
        message,
        Optional.of(DEADLINE));
  }

  private static Finding aliceKey(String message) {
    return finding("key-rotation-due", ALICE_KEY, message);
  }

  private static StoredFinding stored(Finding finding, FindingStatus status, long version) {
    return StoredFinding.from(ACCOUNT, finding)
        .status(status)
        .firstSeen(EARLIER)
        .resolvedAt(
            status == FindingStatus.RESOLVED
                ? Optional.of(EARLIER.plus(Duration.ofDays(1)))
                : Optional.empty())
        .exemptUntil(status == FindingStatus.EXEMPT ? Optional.of(UNTIL) : Optional.empty())
        .exemptReason(status == FindingStatus.EXEMPT ? Optional.of("migration") : Optional.empty())
        .version(version)
        .build();
  }

  private static Reconciliation reconcile(AuditResult current, StoredFinding... before) {
    return Reconciler.reconcile(ACCOUNT, previous(before), current, NOW);
  }

  /** The one finding the reconciliation writes; fails unless it writes exactly one. */
  private static StoredFinding onlyChange(Reconciliation result) {
    assertThat(result.changed()).hasSize(1);
    return result.changed().get(0);
  }

  /** {@code f} with another severity, principal, message and deadline. */
  private static Finding with(
      Finding f, Severity severity, String principal, String message, Optional<Instant> deadline) {
    return new Finding(
        f.checkId(),
        severity,
        f.accountId(),
        principal,
        f.resourceId(),
        f.title(),
        message,
        deadline);
  }

  private static Map<String, StoredFinding> previous(StoredFinding... findings) {
    return List.of(findings).stream().collect(Collectors.toMap(StoredFinding::key, f -> f));
  }

  private static AuditResult open(Finding... findings) {
    return new AuditResult(ACCOUNT, NOW, List.of(findings), List.of(), Map.of());
  }

  private static AuditResult exempted(ExemptedFinding... findings) {
    return new AuditResult(ACCOUNT, NOW, List.of(), List.of(findings), Map.of());
  }

  private static AuditResult nothing() {
    return open();
  }

  @Test
  void reconcile_whenFindingIsNew_writesItOpenFromNowAtVersionOne() {
    Reconciliation result = reconcile(open(aliceKey("due in 16 days")));

    StoredFinding f = onlyChange(result);
    assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
    assertThat(f.firstSeen()).isEqualTo(NOW);
    assertThat(f.version()).isEqualTo(1);
    assertThat(f.message()).isEqualTo("due in 16 days");
    assertThat(f.deadline()).contains(DEADLINE);
    assertThat(f.resolvedAt()).isEmpty();
    assertThat(result.opened()).isEqualTo(1);
  }

  @Test
  void reconcile_whenResolvedFindingReturns_reopensItFromNowAtNextVersion() {
    StoredFinding resolved = stored(aliceKey("old"), FindingStatus.RESOLVED, 3);

    Reconciliation result = reconcile(open(aliceKey("due again")), resolved);

    StoredFinding f = onlyChange(result);
    assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
    assertThat(f.firstSeen()).isEqualTo(NOW);
    assertThat(f.resolvedAt()).isEmpty();
    assertThat(f.version()).isEqualTo(4);
    assertThat(f.message()).isEqualTo("due again");
    assertThat(result.opened()).isEqualTo(1);
    assertThat(result.resolved()).isZero();
  }

  @Test
  void reconcile_whenOpenFindingSeenAgainWithNewMessageOnly_writesNothing() {
    StoredFinding open = stored(aliceKey("due in 16 days"), FindingStatus.OPEN, 2);

    Reconciliation result = reconcile(open(aliceKey("due in 15 days")), open);

    assertThat(result.changed()).isEmpty();
    assertThat(result.stillOpen()).isEqualTo(1);
    assertThat(result.opened()).isZero();
  }

  static List<Arguments> meaningfulChanges() {
    return List.of(
        Arguments.of(
            "severity",
            (UnaryOperator<Finding>)
                f -> with(f, Severity.CRITICAL, f.principal(), "now critical", f.deadline())),
        Arguments.of(
            "deadline",
            (UnaryOperator<Finding>)
                f ->
                    with(
                        f,
                        f.severity(),
                        f.principal(),
                        "new deadline",
                        Optional.of(DEADLINE.plus(Duration.ofDays(30))))),
        Arguments.of(
            "deadline removed",
            (UnaryOperator<Finding>)
                f -> with(f, f.severity(), f.principal(), "no deadline", Optional.empty())),
        Arguments.of(
            "principal",
            (UnaryOperator<Finding>)
                f -> with(f, f.severity(), "alice-renamed", "renamed", f.deadline())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("meaningfulChanges")
  void reconcile_whenOpenFindingChangesWhatMatters_rewritesItKeepingFirstSeen(
      String what, UnaryOperator<Finding> change) {
    StoredFinding open = stored(aliceKey("before"), FindingStatus.OPEN, 2);
    Finding now = change.apply(aliceKey("before"));

    Reconciliation result = reconcile(open(now), open);

    StoredFinding f = onlyChange(result);
    assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
    assertThat(f.firstSeen()).isEqualTo(EARLIER);
    assertThat(f.version()).isEqualTo(3);
    assertThat(f.message()).isEqualTo(now.message());
    assertThat(f.severity()).isEqualTo(now.severity());
    assertThat(f.deadline()).isEqualTo(now.deadline());
    assertThat(f.principal()).isEqualTo(now.principal());
    assertThat(result.stillOpen()).isEqualTo(1);
  }

  @Test
  void reconcile_whenExemptFindingIsOpenAgain_writesItOpenWithoutExemption() {
    StoredFinding exempt = stored(aliceKey("exempt"), FindingStatus.EXEMPT, 5);

    Reconciliation result = reconcile(open(aliceKey("exemption expired")), exempt);

    StoredFinding f = onlyChange(result);
    assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
    assertThat(f.exemptUntil()).isEmpty();
    assertThat(f.exemptReason()).isEmpty();
    assertThat(f.firstSeen()).isEqualTo(EARLIER);
    assertThat(f.version()).isEqualTo(6);
    assertThat(result.opened()).isEqualTo(1);
    assertThat(result.exempt()).isZero();
  }

  @Test
  void reconcile_whenFindingIsNewAndExempted_writesItExemptWithUntilAndReason() {
    Reconciliation result =
        reconcile(exempted(new ExemptedFinding(aliceKey("due"), UNTIL, "vendor integration")));

    StoredFinding f = onlyChange(result);
    assertThat(f.status()).isEqualTo(FindingStatus.EXEMPT);
    assertThat(f.exemptUntil()).contains(UNTIL);
    assertThat(f.exemptReason()).contains("vendor integration");
    assertThat(f.firstSeen()).isEqualTo(NOW);
    assertThat(f.version()).isEqualTo(1);
    assertThat(result.exempt()).isEqualTo(1);
    assertThat(result.opened()).isZero();
  }

  @Test
  void reconcile_whenOpenFindingBecomesExempted_writesItExemptKeepingFirstSeen() {
    StoredFinding open = stored(aliceKey("due"), FindingStatus.OPEN, 1);

    Reconciliation result =
        reconcile(exempted(new ExemptedFinding(aliceKey("due"), UNTIL, "migration")), open);

    StoredFinding f = onlyChange(result);
    assertThat(f.status()).isEqualTo(FindingStatus.EXEMPT);
    assertThat(f.exemptUntil()).contains(UNTIL);
    assertThat(f.firstSeen()).isEqualTo(EARLIER);
    assertThat(f.version()).isEqualTo(2);
    assertThat(result.exempt()).isEqualTo(1);
  }

  @Test
  void reconcile_whenExemptionUnchangedButMessageDiffers_writesNothing() {
    StoredFinding exempt = stored(aliceKey("due in 16 days"), FindingStatus.EXEMPT, 2);

    Reconciliation result =
        reconcile(
            exempted(new ExemptedFinding(aliceKey("due in 15 days"), UNTIL, "migration")), exempt);

    assertThat(result.changed()).isEmpty();
    assertThat(result.exempt()).isEqualTo(1);
  }

  static List<Arguments> exemptionChanges() {
    return List.of(
        Arguments.of("until", UNTIL.plusDays(30), "migration"),
        Arguments.of("reason", UNTIL, "another reason"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exemptionChanges")
  void reconcile_whenExemptionChanges_rewritesIt(String what, LocalDate until, String reason) {
    StoredFinding exempt = stored(aliceKey("due"), FindingStatus.EXEMPT, 2);

    Reconciliation result =
        reconcile(exempted(new ExemptedFinding(aliceKey("due"), until, reason)), exempt);

    StoredFinding f = onlyChange(result);
    assertThat(f.exemptUntil()).contains(until);
    assertThat(f.exemptReason()).contains(reason);
    assertThat(f.version()).isEqualTo(3);
  }

  @Test
  void reconcile_whenOpenFindingIsGone_resolvesItNow() {
    StoredFinding open = stored(aliceKey("due"), FindingStatus.OPEN, 4);

    Reconciliation result = reconcile(nothing(), open);

    StoredFinding f = onlyChange(result);
    assertThat(f.status()).isEqualTo(FindingStatus.RESOLVED);
    assertThat(f.resolvedAt()).contains(NOW);
    assertThat(f.firstSeen()).isEqualTo(EARLIER);
    assertThat(f.version()).isEqualTo(5);
    assertThat(result.resolved()).isEqualTo(1);
  }

  @Test
  void reconcile_whenExemptFindingIsGone_resolvesItAndDropsTheExemption() {
    StoredFinding exempt = stored(aliceKey("due"), FindingStatus.EXEMPT, 1);

    Reconciliation result = reconcile(nothing(), exempt);

    StoredFinding f = onlyChange(result);
    assertThat(f.status()).isEqualTo(FindingStatus.RESOLVED);
    assertThat(f.resolvedAt()).contains(NOW);
    assertThat(f.exemptUntil()).isEmpty();
    assertThat(result.resolved()).isEqualTo(1);
  }

  @Test
  void reconcile_whenResolvedFindingStaysGone_writesNothing() {
    StoredFinding resolved = stored(aliceKey("due"), FindingStatus.RESOLVED, 2);

    Reconciliation result = reconcile(nothing(), resolved);

    assertThat(result.changed()).isEmpty();
    assertThat(result.resolved()).isZero();
  }

  @Test
  void reconcile_whenCheckWasSkipped_keepsItsOpenFindingWithoutWriting() {
    StoredFinding open =
        stored(
            finding("root-recently-used", "arn:aws:iam::111122223333:root", "root used"),
            FindingStatus.OPEN,
            1);
    AuditResult skipped =
        new AuditResult(
            ACCOUNT, NOW, List.of(), List.of(), Map.of("root-recently-used", "no root row"));

    Reconciliation result = reconcile(skipped, open);

    assertThat(result.changed()).isEmpty();
    assertThat(result.stillOpen()).isEqualTo(1);
    assertThat(result.resolved()).isZero();
  }

  @Test
  void reconcile_whenFindingIsBothOpenAndExempted_treatsItAsOpen() {
    Finding due = aliceKey("due");
    AuditResult both =
        new AuditResult(
            ACCOUNT, NOW, List.of(due), List.of(new ExemptedFinding(due, UNTIL, "x")), Map.of());

    Reconciliation result = reconcile(both);

    assertThat(result.changed())
        .extracting(StoredFinding::status)
        .containsExactly(FindingStatus.OPEN);
    assertThat(result.exempt()).isZero();
  }

  @Test
  void reconcile_whenSeveralChange_ordersThemByCheckThenResource() {
    StoredFinding goneB = stored(finding("b-check", "r2", "m"), FindingStatus.OPEN, 1);
    AuditResult current =
        open(
            finding("c-check", "r1", "m"),
            finding("a-check", "r9", "m"),
            finding("a-check", "r1", "m"));

    Reconciliation result = reconcile(current, goneB);

    assertThat(result.changed())
        .extracting(StoredFinding::key)
        .containsExactly("a-check#r1", "a-check#r9", "b-check#r2", "c-check#r1");
  }

  @Test
  void reconcile_whenThousandOpenFindingsOnlyAgedADay_writesNothing() {
    List<Finding> yesterday = new ArrayList<>();
    List<Finding> today = new ArrayList<>();
    IntStream.range(0, 1_000)
        .forEach(
            i -> {
              String resource = "arn:aws:iam::111122223333:user/user-" + i + "#access_key_1";
              yesterday.add(finding("key-unused", resource, "unused for " + (50 + i) + " days"));
              today.add(finding("key-unused", resource, "unused for " + (51 + i) + " days"));
            });
    Map<String, StoredFinding> previous =
        Reconciler.reconcile(ACCOUNT, Map.of(), open(yesterday.toArray(Finding[]::new)), EARLIER)
            .changed()
            .stream()
            .collect(Collectors.toMap(StoredFinding::key, f -> f));

    Reconciliation result =
        Reconciler.reconcile(ACCOUNT, previous, open(today.toArray(Finding[]::new)), NOW);

    assertThat(previous).hasSize(1_000);
    assertThat(result.changed()).isEmpty();
    assertThat(result.stillOpen()).isEqualTo(1_000);
    assertThat(result.opened()).isZero();
  }
}
