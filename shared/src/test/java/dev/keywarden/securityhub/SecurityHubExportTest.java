package dev.keywarden.securityhub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keywarden.KeywardenException;
import dev.keywarden.checks.Severity;
import dev.keywarden.config.SecurityHubSettings;
import dev.keywarden.findings.FindingStatus;
import dev.keywarden.findings.StoredFinding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecurityHubExportTest {
  private static final String ACCOUNT = "111122223333";
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final SecurityHubSettings PRODUCT =
      SecurityHubSettings.forAccount("999988887777", "eu-west-1");

  /** Security Hub as a port: it accepts what it is given, except the ids it is told to refuse. */
  private static class Importer implements FindingsImporter {
    final List<List<AsffFinding>> calls = new ArrayList<>();
    final Map<String, AsffFinding> held = new HashMap<>();
    final Set<String> refuse = new LinkedHashSet<>();
    int refuseTimes = Integer.MAX_VALUE;
    int failCalls;

    @Override
    public Map<String, String> importBatch(List<AsffFinding> findings) {
      assertThat(findings.size()).isBetween(1, MAX_BATCH);
      calls.add(findings);
      if (failCalls > 0) {
        failCalls--;
        throw new KeywardenException("securityhub:BatchImportFindings failed: Rate exceeded");
      }
      Map<String, String> failed = new HashMap<>();
      for (AsffFinding f : findings) {
        if (refuse.contains(f.id()) && refuseTimes > 0) {
          failed.put(f.id(), "InvalidInput: refused");
        } else {
          held.put(f.id(), f);
        }
      }
      if (!failed.isEmpty()) {
        refuseTimes--;
      }
      return failed;
    }
  }

  private static final class Ledger implements ImportedFindings {
    final Map<String, String> fingerprints = new HashMap<>();
    int writes;

    @Override
    public Map<String, String> load(String accountId) {
      return Map.copyOf(fingerprints);
    }

    @Override
    public void record(String accountId, Map<String, String> accepted) {
      writes += accepted.size();
      fingerprints.putAll(accepted);
    }
  }

  /**
   * Security Hub's workflow updates as a port: it processes what it is given, except the ids it is
   * told to leave.
   */
  private static class Updater implements WorkflowUpdater {
    record Call(Change change, List<String> ids) {}

    final List<Call> calls = new ArrayList<>();
    final Map<String, String> status = new HashMap<>();
    final Set<String> leave = new LinkedHashSet<>();
    int leaveTimes = Integer.MAX_VALUE;
    boolean unknown;
    int failCalls;

    @Override
    public Map<String, String> updateBatch(Change change, List<String> ids) {
      assertThat(ids.size()).isBetween(1, MAX_BATCH);
      calls.add(new Call(change, List.copyOf(ids)));
      if (unknown) {
        throw new Unavailable(
            "securityhub:BatchUpdateFindings is not implemented by this endpoint (HTTP 404)", null);
      }
      if (failCalls > 0) {
        failCalls--;
        throw new KeywardenException("securityhub:BatchUpdateFindings failed: Rate exceeded");
      }
      Map<String, String> failed = new HashMap<>();
      for (String id : ids) {
        if (leave.contains(id) && leaveTimes > 0) {
          failed.put(id, "FindingNotFound: not yet");
        } else {
          status.put(id, change.status() + change.note().map(n -> " " + n).orElse(""));
        }
      }
      if (!failed.isEmpty()) {
        leaveTimes--;
      }
      return failed;
    }
  }

  private final Updater updater = new Updater();
  private final Importer importer = new Importer();
  private final Ledger ledger = new Ledger();
  private final SecurityHubExport export =
      SecurityHubExport.create(PRODUCT, importer, updater, ledger);

  static StoredFinding finding(String user, FindingStatus status) {
    return StoredFinding.builder()
        .accountId(ACCOUNT)
        .checkId("key-expired")
        .resourceId("arn:aws:iam::" + ACCOUNT + ":user/" + user + "#access_key_1")
        .principal(user)
        .severity(Severity.HIGH)
        .title("Access key past its maximum age")
        .message("access key 1 of " + user + " is 91 days old")
        .status(status)
        .firstSeen(Instant.parse("2026-11-01T06:00:00Z"))
        .resolvedAt(status == FindingStatus.RESOLVED ? Optional.of(NOW) : Optional.empty())
        .deadline(Optional.of(Instant.parse("2026-11-30T06:00:00Z")))
        .exemptUntil(
            status == FindingStatus.EXEMPT
                ? Optional.of(LocalDate.parse("2026-12-31"))
                : Optional.empty())
        .exemptReason(status == FindingStatus.EXEMPT ? Optional.of("migration") : Optional.empty())
        .version(1)
        .build();
  }

  private static List<StoredFinding> open(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> finding(String.format("svc-%03d", i), FindingStatus.OPEN))
        .toList();
  }

  @Test
  void send_when250Changed_sendsThreeBatchesOfAtMost100() {
    SecurityHubExport.Report report = export.send(ACCOUNT, open(250), Map.of(), NOW);

    assertThat(importer.calls).extracting(List::size).containsExactly(100, 100, 50);
    assertThat(report).isEqualTo(new SecurityHubExport.Report(250, 250, 0, 0, 3));
    assertThat(ledger.fingerprints).hasSize(250);
  }

  @Test
  void send_whenNothingChangedSinceTheLastImport_sendsNothing() {
    export.send(ACCOUNT, open(3), Map.of(), NOW);
    importer.calls.clear();

    SecurityHubExport.Report again =
        export.send(ACCOUNT, open(3), Map.of(), NOW.plusSeconds(86_400));

    assertThat(importer.calls).isEmpty();
    assertThat(again).isEqualTo(new SecurityHubExport.Report(0, 0, 0, 0, 0));
  }

  @Test
  void send_whenOneFindingChanges_sendsOnlyThatOne() {
    export.send(ACCOUNT, open(3), Map.of(), NOW);
    importer.calls.clear();
    List<StoredFinding> next = new ArrayList<>(open(3));
    next.set(1, finding("svc-001", FindingStatus.RESOLVED));

    export.send(ACCOUNT, next, Map.of(), NOW);

    assertThat(importer.calls)
        .singleElement()
        .satisfies(
            batch ->
                assertThat(batch)
                    .singleElement()
                    .satisfies(f -> assertThat(f.recordState()).isEqualTo("ARCHIVED")));
  }

  @Test
  void send_whenTheOwnerChanges_sendsTheFindingAgain() {
    export.send(ACCOUNT, open(1), Map.of("svc-000", "a@example.com"), NOW);

    SecurityHubExport.Report report =
        export.send(ACCOUNT, open(1), Map.of("svc-000", "b@example.com"), NOW);

    assertThat(report.sent()).isEqualTo(1);
    assertThat(importer.held.values())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.userDefinedFields())
                    .containsEntry("keywarden/owner", "b@example.com"));
  }

  @Test
  void send_whenAResolvedFindingWasNeverImported_doesNotCreateIt() {
    SecurityHubExport.Report report =
        export.send(ACCOUNT, List.of(finding("gone", FindingStatus.RESOLVED)), Map.of(), NOW);

    assertThat(importer.calls).isEmpty();
    assertThat(report.changed()).isZero();
  }

  @Test
  void send_whenSecurityHubRefusesAFindingOnce_triesItAgainInTheSameRun() {
    List<StoredFinding> findings = open(3);
    importer.refuse.add("keywarden/" + ACCOUNT + "/key-expired/" + findings.get(1).resourceId());
    importer.refuseTimes = 1;

    SecurityHubExport.Report report = export.send(ACCOUNT, findings, Map.of(), NOW);

    assertThat(importer.calls).extracting(List::size).containsExactly(3, 1);
    assertThat(report).isEqualTo(new SecurityHubExport.Report(3, 3, 0, 0, 2));
    assertThat(ledger.fingerprints).hasSize(3);
  }

  @Test
  void send_whenSecurityHubKeepsRefusingAFinding_leavesItPendingForTheNextRun() {
    List<StoredFinding> findings = open(3);
    String refused = "keywarden/" + ACCOUNT + "/key-expired/" + findings.get(2).resourceId();
    importer.refuse.add(refused);

    SecurityHubExport.Report report = export.send(ACCOUNT, findings, Map.of(), NOW);

    assertThat(report)
        .isEqualTo(new SecurityHubExport.Report(3, 2, 1, 1, SecurityHubExport.ATTEMPTS));
    assertThat(ledger.fingerprints).doesNotContainKey(findings.get(2).key()).hasSize(2);

    importer.refuse.clear();
    importer.calls.clear();
    SecurityHubExport.Report next = export.send(ACCOUNT, findings, Map.of(), NOW);
    assertThat(importer.calls)
        .singleElement()
        .satisfies(b -> assertThat(b).extracting(AsffFinding::id).containsExactly(refused));
    assertThat(next.pending()).isZero();
  }

  @Test
  void send_whenACallFails_keepsWhatEarlierBatchesSentAndLeavesTheRestPending() {
    List<StoredFinding> findings = open(150);
    Importer failingSecond =
        new Importer() {
          int n;

          @Override
          public Map<String, String> importBatch(List<AsffFinding> batch) {
            if (++n == 2) {
              throw new KeywardenException("securityhub:BatchImportFindings failed: Rate exceeded");
            }
            return super.importBatch(batch);
          }
        };
    SecurityHubExport failing = SecurityHubExport.create(PRODUCT, failingSecond, updater, ledger);

    SecurityHubExport.Report report = failing.send(ACCOUNT, findings, Map.of(), NOW);

    assertThat(report).isEqualTo(new SecurityHubExport.Report(150, 100, 0, 50, 2));
    assertThat(ledger.fingerprints).hasSize(100);
    SecurityHubExport.Report next = failing.send(ACCOUNT, findings, Map.of(), NOW);
    assertThat(next).isEqualTo(new SecurityHubExport.Report(50, 50, 0, 0, 1));
  }

  @Test
  void send_whenTheLedgerCannotBeRead_sendsNothingAndThrowsNothing() {
    ImportedFindings broken =
        new ImportedFindings() {
          @Override
          public Map<String, String> load(String accountId) {
            throw new KeywardenException("dynamodb:Query failed");
          }

          @Override
          public void record(String accountId, Map<String, String> fingerprints) {}
        };

    SecurityHubExport.Report report =
        SecurityHubExport.create(PRODUCT, importer, updater, broken)
            .send(ACCOUNT, open(2), Map.of(), NOW);

    assertThat(importer.calls).isEmpty();
    assertThat(report.calls()).isZero();
  }

  private static String id(StoredFinding f) {
    return "keywarden/" + ACCOUNT + "/key-expired/" + f.resourceId();
  }

  private static List<StoredFinding> all(int n, FindingStatus status) {
    return IntStream.range(0, n)
        .mapToObj(i -> finding(String.format("svc-%03d", i), status))
        .toList();
  }

  @Test
  void send_whenAFindingIsNew_importsItsWorkflowAndUpdatesNothing() {
    export.send(ACCOUNT, List.of(finding("svc-000", FindingStatus.EXEMPT)), Map.of(), NOW);

    assertThat(importer.held.values())
        .singleElement()
        .satisfies(f -> assertThat(f.workflowStatus()).isEqualTo("SUPPRESSED"));
    assertThat(updater.calls).as("a new finding takes its workflow from the import").isEmpty();
    assertThat(export.lastWorkflowReport())
        .isEqualTo(new SecurityHubExport.WorkflowReport(0, 0, 0, 0, false));
  }

  @Test
  void send_whenAHeldFindingIsResolved_importsItArchivedAndSetsItsWorkflowToResolved() {
    export.send(ACCOUNT, open(3), Map.of(), NOW);
    importer.calls.clear();
    List<StoredFinding> next = new ArrayList<>(open(3));
    next.set(1, finding("svc-001", FindingStatus.RESOLVED));

    export.send(ACCOUNT, next, Map.of(), NOW);

    assertThat(importer.calls)
        .singleElement()
        .satisfies(
            b ->
                assertThat(b)
                    .singleElement()
                    .satisfies(f -> assertThat(f.recordState()).isEqualTo("ARCHIVED")));
    assertThat(updater.calls)
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.change())
                  .isEqualTo(
                      new WorkflowUpdater.Change(
                          PRODUCT.productArn(), "RESOLVED", Optional.empty()));
              assertThat(call.ids()).containsExactly(id(next.get(1)));
            });
    assertThat(export.lastWorkflowReport())
        .isEqualTo(new SecurityHubExport.WorkflowReport(1, 1, 0, 1, false));

    importer.calls.clear();
    updater.calls.clear();
    export.send(ACCOUNT, next, Map.of(), NOW.plusSeconds(3600));
    assertThat(importer.calls).isEmpty();
    assertThat(updater.calls).as("confirmed, so not sent again").isEmpty();
  }

  @Test
  void send_whenHeldFindingsAreExempted_suppressesThemWithOneCallPerReasonAndExpiry() {
    export.send(ACCOUNT, open(3), Map.of(), NOW);
    StoredFinding a = finding("svc-000", FindingStatus.EXEMPT);
    StoredFinding b = finding("svc-001", FindingStatus.EXEMPT);
    StoredFinding c = finding("svc-002", FindingStatus.EXEMPT);
    StoredFinding other =
        StoredFinding.builder()
            .accountId(c.accountId())
            .checkId(c.checkId())
            .resourceId(c.resourceId())
            .principal(c.principal())
            .severity(c.severity())
            .title(c.title())
            .message(c.message())
            .status(c.status())
            .firstSeen(c.firstSeen())
            .resolvedAt(c.resolvedAt())
            .deadline(c.deadline())
            .exemptUntil(Optional.of(LocalDate.parse("2027-03-31")))
            .exemptReason(Optional.of("vendor integration"))
            .version(c.version())
            .build();

    export.send(ACCOUNT, List.of(a, b, other), Map.of(), NOW);

    assertThat(updater.calls).hasSize(2);
    assertThat(updater.calls.get(0).change().status()).isEqualTo("SUPPRESSED");
    assertThat(updater.calls.get(0).change().note())
        .hasValueSatisfying(n -> assertThat(n).contains("2026-12-31").contains("migration"));
    assertThat(updater.calls.get(0).ids()).containsExactly(id(a), id(b));
    assertThat(updater.calls.get(1).change().note())
        .hasValueSatisfying(
            n -> assertThat(n).contains("2027-03-31").contains("vendor integration"));
    assertThat(updater.calls.get(1).ids()).containsExactly(id(other));
  }

  @Test
  void send_whenAnExemptFindingReopens_setsItBackToNew() {
    export.send(ACCOUNT, open(1), Map.of(), NOW);
    export.send(ACCOUNT, List.of(finding("svc-000", FindingStatus.EXEMPT)), Map.of(), NOW);
    updater.calls.clear();

    export.send(ACCOUNT, open(1), Map.of(), NOW);

    assertThat(updater.calls)
        .singleElement()
        .satisfies(
            call ->
                assertThat(call.change())
                    .isEqualTo(
                        new WorkflowUpdater.Change(PRODUCT.productArn(), "NEW", Optional.empty())));
    assertThat(updater.status).containsEntry(id(open(1).get(0)), "NEW");
  }

  @Test
  void send_when250HeldFindingsResolve_updatesThemInBatchesOfAtMost100() {
    export.send(ACCOUNT, open(250), Map.of(), NOW);

    export.send(ACCOUNT, all(250, FindingStatus.RESOLVED), Map.of(), NOW);

    assertThat(updater.calls).extracting(call -> call.ids().size()).containsExactly(100, 100, 50);
    assertThat(export.lastWorkflowReport())
        .isEqualTo(new SecurityHubExport.WorkflowReport(250, 250, 0, 3, false));
  }

  @Test
  void send_whenAWorkflowChangeIsUnprocessedOnce_triesItAgainInTheSameRun() {
    export.send(ACCOUNT, open(3), Map.of(), NOW);
    updater.leave.add(id(open(3).get(1)));
    updater.leaveTimes = 1;

    export.send(ACCOUNT, all(3, FindingStatus.RESOLVED), Map.of(), NOW);

    assertThat(updater.calls).extracting(call -> call.ids().size()).containsExactly(3, 1);
    assertThat(export.lastWorkflowReport())
        .isEqualTo(new SecurityHubExport.WorkflowReport(3, 3, 0, 2, false));
  }

  @Test
  void send_whenAWorkflowChangeStaysUnprocessed_keepsItPending_andTheNextRunSendsOnlyThatUpdate() {
    export.send(ACCOUNT, open(2), Map.of(), NOW);
    String left = id(open(2).get(0));
    updater.leave.add(left);

    export.send(ACCOUNT, all(2, FindingStatus.RESOLVED), Map.of(), NOW);

    assertThat(export.lastWorkflowReport())
        .isEqualTo(
            new SecurityHubExport.WorkflowReport(2, 1, 1, SecurityHubExport.ATTEMPTS, false));
    String stored = ledger.fingerprints.get(open(2).get(0).key());
    AsffFinding resolved =
        AsffMapper.map(finding("svc-000", FindingStatus.RESOLVED), Optional.empty(), PRODUCT, NOW);
    AsffFinding wasOpen = AsffMapper.map(open(2).get(0), Optional.empty(), PRODUCT, NOW);
    assertThat(stored)
        .as("the import moved forward, the workflow did not")
        .isEqualTo(resolved.contentFingerprint() + "/" + wasOpen.workflowFingerprint());

    updater.leave.clear();
    updater.calls.clear();
    importer.calls.clear();
    export.send(ACCOUNT, all(2, FindingStatus.RESOLVED), Map.of(), NOW);
    assertThat(importer.calls).as("the import was confirmed").isEmpty();
    assertThat(updater.calls)
        .singleElement()
        .satisfies(call -> assertThat(call.ids()).containsExactly(left));
    assertThat(ledger.fingerprints.get(open(2).get(0).key())).isEqualTo(resolved.fingerprint());
  }

  @Test
  void send_whenAnUpdateCallFails_keepsTheWorkflowChangesPendingForTheNextRun() {
    export.send(ACCOUNT, open(2), Map.of(), NOW);
    updater.failCalls = 1;

    export.send(ACCOUNT, all(2, FindingStatus.RESOLVED), Map.of(), NOW);

    assertThat(export.lastWorkflowReport())
        .isEqualTo(new SecurityHubExport.WorkflowReport(2, 0, 2, 1, false));
    export.send(ACCOUNT, all(2, FindingStatus.RESOLVED), Map.of(), NOW);
    assertThat(export.lastWorkflowReport())
        .isEqualTo(new SecurityHubExport.WorkflowReport(2, 2, 0, 1, false));
    assertThat(updater.status)
        .hasSize(2)
        .allSatisfy((id, status) -> assertThat(status).isEqualTo("RESOLVED"));
  }

  @Test
  void
      send_whenSecurityHubDoesNotKnowTheUpdate_importsAnyway_triesOnce_andKeepsTheWorkflowPending() {
    export.send(ACCOUNT, open(150), Map.of(), NOW);
    updater.unknown = true;
    importer.calls.clear();

    SecurityHubExport.Report report =
        export.send(ACCOUNT, all(150, FindingStatus.RESOLVED), Map.of(), NOW);

    assertThat(report).isEqualTo(new SecurityHubExport.Report(150, 150, 0, 0, 2));
    assertThat(updater.calls).as("one refused call, then no more in this run").hasSize(1);
    assertThat(export.lastWorkflowReport())
        .isEqualTo(new SecurityHubExport.WorkflowReport(150, 0, 150, 1, true));
    assertThat(ledger.fingerprints.values())
        .allSatisfy(
            v ->
                assertThat(v)
                    .endsWith(
                        "/"
                            + AsffMapper.map(open(1).get(0), Optional.empty(), PRODUCT, NOW)
                                .workflowFingerprint()));

    importer.calls.clear();
    export.send(ACCOUNT, all(150, FindingStatus.RESOLVED), Map.of(), NOW);
    assertThat(importer.calls).as("the imports were confirmed").isEmpty();
    assertThat(updater.calls).as("the same export does not ask again").hasSize(1);
    assertThat(export.lastWorkflowReport())
        .isEqualTo(new SecurityHubExport.WorkflowReport(150, 0, 150, 0, true));

    updater.unknown = false;
    SecurityHubExport nextRun = SecurityHubExport.create(PRODUCT, importer, updater, ledger);
    nextRun.send(ACCOUNT, all(150, FindingStatus.RESOLVED), Map.of(), NOW);
    assertThat(nextRun.lastWorkflowReport())
        .isEqualTo(new SecurityHubExport.WorkflowReport(150, 150, 0, 2, false));
  }

  @Test
  void confirmed_readsAValueWithoutAWorkflowAsConfirmingNone() {
    assertThat(SecurityHubExport.Confirmed.parse("abc"))
        .isEqualTo(new SecurityHubExport.Confirmed("abc", ""));
    assertThat(SecurityHubExport.Confirmed.parse("abc/def").format()).isEqualTo("abc/def");
  }
}
